/**
 * Which npm packages a bundled main process loads at run time, and everything they pull in. Read
 * from the built files rather than the sources, because the bundle is what ships: a package the
 * bundler inlined is not needed at run time, one it left external is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

// import … from 'x' · export … from 'x' · import 'x' · import('x') · require('x') · require.resolve(`x/${…}`)
// A specifier is a package name, maybe with a subpath: no spaces, no quotes, not relative.
const SPECIFIERS = [
  /\bfrom\s*["']([@\w][\w.\-/@]*)["']/g,
  /\bimport\s*["']([@\w][\w.\-/@]*)["']/g,
  /\bimport\s*\(\s*["'`]([@\w][\w.\-/@]*)["'`$]/g,
  /\brequire(?:\.resolve)?\s*\(\s*["'`]([@\w][\w.\-/@]*)["'`$]/g,
];

const HOST = new Set(['electron', ...builtinModules]);

export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** npm package names the code imports or resolves (not node: builtins, not electron). */
export function importedPackages(code: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:') || specifier.startsWith('#')) continue;
      const name = packageName(specifier);
      if (!HOST.has(name) && name !== '') names.add(name);
    }
  }
  return names;
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

/** Where Node would find `name` from `fromDir` (nearest node_modules upwards, within root). */
function resolvePackageDir(root: string, fromDir: string, name: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || !dir.startsWith(root)) return null;
  }
}

/**
 * The installed packages `names` need, transitively: `name@version` for each folder Node would
 * load ('node_modules/zod', 'node_modules/a/node_modules/b'). An uninstalled optional dependency
 * is skipped; a missing required one is reported in `missing`. Versions, not folders, are what to
 * compare with a packed app: electron-builder hoists nested packages differently.
 */
export function dependencyClosure(
  root: string,
  names: Iterable<string>,
): { readonly packages: ReadonlySet<string>; readonly missing: readonly string[] } {
  const top = resolve(root);
  const dirs = new Map<string, string>();
  const missing: string[] = [];
  const visit = (fromDir: string, name: string, optional: boolean): void => {
    const dir = resolvePackageDir(top, fromDir, name);
    if (dir === null) {
      if (!optional) missing.push(name);
      return;
    }
    const key = relative(top, dir).split(sep).join('/');
    if (dirs.has(key)) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    dirs.set(key, `${manifest.name}@${manifest.version}`);
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dir, dep, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dir, dep, true);
  };
  for (const name of names) visit(top, name, false);
  return { packages: new Set(dirs.values()), missing };
}
