import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { guardDownloads, isOwnBlobUrl } from '../../src-main/electron/downloads.ts';
import type { DownloadItemLike } from '../../src-main/electron/downloads.ts';

function fakeItem(url: string, filename: string) {
  const calls: { cancelled: boolean; dialog: Parameters<DownloadItemLike['setSaveDialogOptions']>[0] | null } = { cancelled: false, dialog: null };
  const item: DownloadItemLike = {
    getURL: () => url,
    getFilename: () => filename,
    cancel: () => void (calls.cancelled = true),
    setSaveDialogOptions: (options) => void (calls.dialog = options),
  };
  return { item, calls };
}

function session() {
  let listener: ((event: unknown, item: DownloadItemLike) => void) | null = null;
  const logs: string[] = [];
  guardDownloads({ on: (_event, l) => (listener = l) }, { folder: '/home/fac/Documents', title: 'Save the report', log: (m) => logs.push(m) });
  return { download: (item: DownloadItemLike) => listener?.({}, item), logs };
}

test('only blob URLs of the app origin count as our own', () => {
  assert.ok(isOwnBlobUrl('blob:app://sitroom/5d1c0e9a-1111-4c4c-9a9a-000000000000'));
  for (const url of ['https://example.com/x.pdf', 'blob:https://example.com/abc', 'blob:app://sitroom.evil/abc', 'app://sitroom/index.html', 'file:///etc/passwd', 'data:text/html,hi'])
    assert.equal(isOwnBlobUrl(url), false, url);
});

test('a report blob opens a save dialog in the chosen folder with its own extension', () => {
  const { download } = session();
  const { item, calls } = fakeItem('blob:app://sitroom/abc', '판교-훈련-aar-ko.pdf');
  download(item);
  assert.equal(calls.cancelled, false);
  assert.deepEqual(calls.dialog, {
    title: 'Save the report',
    defaultPath: join('/home/fac/Documents', '판교-훈련-aar-ko.pdf'),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
});

test('a file name cannot climb out of the folder', () => {
  const { download } = session();
  const { item, calls } = fakeItem('blob:app://sitroom/abc', '..\\..\\windows\\evil.docx');
  download(item);
  assert.equal(calls.dialog?.defaultPath, join('/home/fac/Documents', 'evil.docx'));
});

test('any other download is cancelled and logged', () => {
  const { download, logs } = session();
  const { item, calls } = fakeItem('https://example.com/payload.exe', 'payload.exe');
  download(item);
  assert.equal(calls.cancelled, true);
  assert.equal(calls.dialog, null);
  assert.match(logs.join('\n'), /cancelled a download from https:\/\/example\.com/);
});
