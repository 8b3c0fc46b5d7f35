// The core is imported by main AND the renderer: it must not import Node, Electron or touch the
// DOM (design.md §7). tsconfig.core.json enforces it at compile time; this catches it in tests too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/paths.ts';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

test('nothing in src-main/core imports node:*, electron, or uses window/document', () => {
  const offenders: string[] = [];
  for (const file of tsFiles(join(ROOT, 'src-main', 'core'))) {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
    for (const spec of imports) {
      if (/^(node:|electron|fs$|path$|os$|crypto$|child_process$)/.test(spec)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    }
    if (/\b(window|document|localStorage)\./.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) offenders.push(`${relative(ROOT, file)} uses a DOM global`);
  }
  assert.deepEqual(offenders, []);
});
