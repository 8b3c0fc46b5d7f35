/**
 * Saving a generated report in Electron. The renderer hands the file over the same way as in a
 * browser (a Blob behind `<a download>`); the session then emits `will-download`. Only a blob: URL
 * that our own page created may download — anything else is cancelled, so no page can use a
 * download to pull bytes from elsewhere — and the person picks where it goes in a save dialog
 * (Electron shows it when `setSaveDialogOptions` is set and no save path is).
 *
 * Structural types only (no electron import), so the handler is tested with fakes; main.ts passes
 * the session.
 */
import { basename, extname, join } from 'node:path';
import { isAppUrl } from './app-origin.ts';

export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  cancel(): void;
  setSaveDialogOptions(options: {
    readonly title: string;
    readonly defaultPath: string;
    // Mutable, as Electron's SaveDialogOptions declares them.
    readonly filters: { name: string; extensions: string[] }[];
  }): void;
}

export interface DownloadingSession {
  on(event: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void): unknown;
}

export interface DownloadOptions {
  /** Where the dialog opens: the user's Documents or Downloads folder. */
  readonly folder: string;
  readonly title: string;
  readonly log: (message: string) => void;
}

/** True for `blob:app://sitroom/<uuid>`: an object URL our own page made. */
export function isOwnBlobUrl(url: string): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

export function guardDownloads(session: DownloadingSession, options: DownloadOptions): void {
  session.on('will-download', (_event, item) => {
    const url = item.getURL();
    if (!isOwnBlobUrl(url)) {
      item.cancel();
      options.log(`security: cancelled a download from ${url.slice(0, 200)}`);
      return;
    }
    // The name comes from the page; keep only its last segment so it cannot point outside the folder.
    const name = basename(item.getFilename().replace(/\\/g, '/')) || 'report';
    const extension = extname(name).slice(1);
    item.setSaveDialogOptions({
      title: options.title,
      defaultPath: join(options.folder, name),
      filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
    });
  });
}
