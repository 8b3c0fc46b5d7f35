// Runs the real `sitroom` command as a planner would (node bin/sitroom.js), checking its output
// format and exit codes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, fixture } from '../helpers/paths.ts';

const run = promisify(execFile);

async function sitroom(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin', 'sitroom.js'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sitroom validate', () => {
  test('every shipped scenario validates with an OK line and no warnings', async () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);
    assert.ok(files.length >= 1);
    const { code, stdout, stderr } = await sitroom('validate', ...files);
    assert.equal(code, 0, stderr + stdout);
    for (const f of files) {
      assert.match(stdout, new RegExp(`^OK ${f}: \\d+ injects, \\d+ cells, \\d+ objectives, \\d+ critical tasks, \\d+ decision points$`, 'm'));
    }
    assert.doesNotMatch(stdout, /warning:/);
  });

  test('an invalid file prints FILE:LINE:COL: error: PATH: message and exits 1, without a stack trace', async () => {
    const file = fixture('bad-scenarios', 'dangling-unlock.yaml');
    const { code, stderr } = await sitroom('validate', file);
    assert.equal(code, 1);
    assert.match(stderr, /dangling-unlock\.yaml:\d+:\d+: error: injects\[1\]\.decision\.options\[0\]\.unlocks\[0\]: unknown inject "inj-prase"/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  test('a mix of valid and invalid files checks every file and exits 1', async () => {
    const { code, stdout, stderr } = await sitroom('validate', fixture('scenarios', 'minimal.yaml'), fixture('bad-scenarios', 'empty.yaml'), 'no-such.yaml');
    assert.equal(code, 1);
    assert.match(stdout, /^OK .*minimal\.yaml: 6 injects/m);
    assert.match(stderr, /empty\.yaml:1:1: error: \(file\): the file is empty/);
    assert.match(stderr, /no-such\.yaml:1:1: error: \(file\): no such file/);
  });

  test('--json prints the findings for tools', async () => {
    const { code, stdout } = await sitroom('validate', '--json', fixture('bad-scenarios', 'wrong-type-users.yaml'));
    assert.equal(code, 1);
    const [report] = JSON.parse(stdout) as { ok: boolean; errors: { path: string; line: number; message: string }[] }[];
    assert.equal(report?.ok, false);
    assert.equal(report?.errors[0]?.path, 'services[2].users');
  });

  test('usage errors exit 2 and show the help', async () => {
    assert.equal((await sitroom('validate')).code, 2);
    assert.equal((await sitroom('validate', '--nope', 'x')).code, 2);
    assert.equal((await sitroom('frobnicate')).code, 2);
    const help = await sitroom('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /validate <file>/);
  });
});
