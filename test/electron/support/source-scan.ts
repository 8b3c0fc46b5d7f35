/**
 * Static checks over source text for the Electron checklist (reliability.md §3). TypeScript and
 * JavaScript are parsed with the TypeScript compiler, so comments never count and string literals
 * are seen as strings; Svelte/HTML/CSS are checked as text with comments removed, their <script>
 * blocks parsed as TypeScript. Each rule returns human-readable findings; none means it passes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';
import type * as TS from 'typescript';

// Loaded with require(): through tsx's ESM hooks the 9 MB compiler takes three times as long.
export const ts = createRequire(import.meta.url)('typescript') as typeof TS;

export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

const CODE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);
const MARKUP_EXTENSIONS = new Set(['.svelte', '.html', '.css']);

export function readSources(root: string, dirs: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === 'node_modules' || name === 'dist') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (CODE_EXTENSIONS.has(extname(name)) || MARKUP_EXTENSIONS.has(extname(name))) {
        files.push({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
      }
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

const isCode = (file: SourceFile): boolean => CODE_EXTENSIONS.has(extname(file.path));

const parsed = new Map<string, TS.SourceFile>();

/** Parsed once per path and text: every rule walks the same trees. */
export function parse(file: SourceFile): TS.SourceFile {
  const key = `${file.path}\0${file.text}`;
  let source = parsed.get(key);
  if (source === undefined) {
    source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    parsed.set(key, source);
  }
  return source;
}

export function walk(node: TS.Node, visit: (node: TS.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

export function where(file: SourceFile, source: TS.SourceFile, node: TS.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${file.path}:${line + 1}`;
}

/** Markup with HTML and CSS comments removed, and its <script> blocks as separate code files. */
function splitMarkup(file: SourceFile): { markup: string; scripts: SourceFile[] } {
  const scripts: SourceFile[] = [];
  const withoutComments = file.text.replace(/<!--[\s\S]*?-->/g, ' ');
  const markup = withoutComments
    .replace(/<script\b[^>]*>([\s\S]*?)<\/script>/gi, (_match, body: string) => {
      scripts.push({ path: `${file.path}<script>`, text: body });
      return ' ';
    })
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (match) => match.replace(/\/\*[\s\S]*?\*\//g, ' '))
    .replace(extname(file.path) === '.css' ? /\/\*[\s\S]*?\*\//g : /$^/g, ' ');
  return { markup, scripts };
}

/** Runs `code` on every code file and every <script> block, `markup` on the rest of markup files. */
function eachFile(
  files: readonly SourceFile[],
  code: (file: SourceFile) => string[],
  markup: (file: SourceFile, text: string) => string[],
): string[] {
  return files.flatMap((file) => {
    if (isCode(file)) return code(file);
    const split = splitMarkup(file);
    return [...split.scripts.flatMap(code), ...markup(file, split.markup)];
  });
}

export function propertyName(name: TS.PropertyName | TS.MemberName): string | undefined {
  if (
    ts.isIdentifier(name) ||
    ts.isStringLiteral(name) ||
    ts.isPrivateIdentifier(name) ||
    ts.isNoSubstitutionTemplateLiteral(name)
  )
    return name.text;
  return undefined;
}

/** `name: value` in object literals and `x.name = value` assignments, with the value node. */
function settings(source: TS.SourceFile): { name: string; value: TS.Node; node: TS.Node }[] {
  const found: { name: string; value: TS.Node; node: TS.Node }[] = [];
  walk(source, (node) => {
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name !== undefined) found.push({ name, value: node.initializer, node });
    } else if (ts.isShorthandPropertyAssignment(node)) {
      found.push({ name: node.name.text, value: node.name, node });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left;
      if (ts.isPropertyAccessExpression(target)) found.push({ name: target.name.text, value: node.right, node });
      if (ts.isElementAccessExpression(target) && ts.isStringLiteral(target.argumentExpression)) {
        found.push({ name: target.argumentExpression.text, value: node.right, node });
      }
    }
  });
  return found;
}

const isTrue = (node: TS.Node): boolean => node.kind === ts.SyntaxKind.TrueKeyword;
const isFalse = (node: TS.Node): boolean => node.kind === ts.SyntaxKind.FalseKeyword;

/** Settings that must never be weakened: anything but the literal safe value is a finding. */
const WEAKENED: Record<string, (value: TS.Node) => boolean> = {
  nodeIntegration: (v) => !isFalse(v),
  nodeIntegrationInWorker: (v) => !isFalse(v),
  nodeIntegrationInSubFrames: (v) => !isFalse(v),
  contextIsolation: (v) => !isTrue(v),
  sandbox: (v) => !isTrue(v),
  webSecurity: (v) => !isTrue(v),
  allowRunningInsecureContent: (v) => !isFalse(v),
  experimentalFeatures: (v) => !isFalse(v),
  webviewTag: (v) => !isFalse(v),
  spellcheck: (v) => !isFalse(v),
  enableBlinkFeatures: () => true,
};

/** No weakened webPreferences setting anywhere: only literal safe values pass. */
export function findWeakenedSettings(files: readonly SourceFile[]): string[] {
  return eachFile(
    files,
    (file) => {
      const source = parse(file);
      return settings(source)
        .filter(({ name, value }) => WEAKENED[name]?.(value) === true)
        .map(({ name, value, node }) => `${where(file, source, node)} sets ${name} to ${value.getText(source)}`);
    },
    (file, markup) =>
      [
        ...markup.matchAll(
          /\b(nodeintegration|disablewebsecurity|allowpopups|enableblinkfeatures|webpreferences)\b|<webview\b/gi,
        ),
      ].map((m) => `${file.path} uses ${m[0]}`),
  );
}

/** Keys that only make sense in webPreferences: an object holding them is another webPreferences. */
const WEB_PREFERENCE_KEYS = new Set(
  Object.keys(WEAKENED).concat(['preload', 'devTools', 'safeDialogs', 'navigateOnDragDrop']),
);

/**
 * One webPreferences object in src-main: in `allowedFile`. Elsewhere a `webPreferences` property
 * must be the imported constant itself (`webPreferences` or `webPreferences: webPreferences`), and
 * no object literal may hold two or more webPreferences-only keys.
 */
export function findOtherWebPreferences(files: readonly SourceFile[], allowedFile: string): string[] {
  return files.filter(isCode).flatMap((file) => {
    if (file.path === allowedFile) return [];
    const source = parse(file);
    const findings: string[] = [];
    walk(source, (node) => {
      if (
        (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
        propertyName(node.name) === 'webPreferences'
      ) {
        const value = ts.isPropertyAssignment(node) ? node.initializer : node.name;
        if (!(ts.isIdentifier(value) && value.text === 'webPreferences')) {
          findings.push(
            `${where(file, source, node)} builds its own webPreferences: ${value.getText(source).slice(0, 60)}`,
          );
        }
      }
      if (ts.isObjectLiteralExpression(node)) {
        const keys = node.properties
          .map((p) => (p.name === undefined ? undefined : propertyName(p.name)))
          .filter((k) => k !== undefined && WEB_PREFERENCE_KEYS.has(k));
        if (keys.length >= 2) findings.push(`${where(file, source, node)} has webPreferences keys ${keys.join(', ')}`);
      }
    });
    return findings;
  });
}

/** Windows and views are created in `allowedFile` only, so they all get the shared webPreferences. */
export function findWindowConstruction(files: readonly SourceFile[], allowedFile: string): string[] {
  return files.filter(isCode).flatMap((file) => {
    if (file.path === allowedFile) return [];
    const source = parse(file);
    const findings: string[] = [];
    walk(source, (node) => {
      if (
        ts.isNewExpression(node) &&
        /(BrowserWindow|BrowserView|WebContentsView|BaseWindow)$/.test(node.expression.getText(source))
      ) {
        findings.push(`${where(file, source, node)} creates ${node.expression.getText(source)}`);
      }
    });
    return findings;
  });
}

/** XML namespaces are identifiers, not addresses: inline SVG needs them and loads nothing. */
const NAMESPACE_URIS = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
]);
const REMOTE_URL = /\b(?:https?|wss?|ftp):\/\/[^\s'"`)<>]*/gi;

/** No remote URL in code strings or markup (comments are not code). */
export function findRemoteUrls(files: readonly SourceFile[]): string[] {
  const check = (path: string, text: string): string[] =>
    [...text.matchAll(REMOTE_URL)]
      .map((m) => m[0])
      .filter((url) => !NAMESPACE_URIS.has(url))
      .map((url) => `${path} mentions ${url}`);
  return eachFile(
    files,
    (file) => {
      const source = parse(file);
      const findings: string[] = [];
      walk(source, (node) => {
        if (
          ts.isStringLiteral(node) ||
          ts.isNoSubstitutionTemplateLiteral(node) ||
          ts.isTemplateHead(node) ||
          ts.isTemplateMiddle(node) ||
          ts.isTemplateTail(node) ||
          ts.isRegularExpressionLiteral(node)
        ) {
          findings.push(...check(where(file, source, node), node.text));
        }
      });
      return findings;
    },
    (file, markup) => check(file.path, markup),
  );
}

/** Identifiers and property names that must not appear in code (not in comments). */
export function findForbiddenNames(files: readonly SourceFile[], names: readonly string[]): string[] {
  const wanted = new Set(names);
  return eachFile(
    files,
    (file) => {
      const source = parse(file);
      const findings: string[] = [];
      walk(source, (node) => {
        if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && wanted.has(node.text))
          findings.push(`${where(file, source, node)} uses ${node.text}`);
        if (ts.isStringLiteral(node) && wanted.has(node.text))
          findings.push(`${where(file, source, node)} names '${node.text}'`);
      });
      return findings;
    },
    (file, markup) =>
      names.filter((name) => new RegExp(`\\b${name}\\b`).test(markup)).map((name) => `${file.path} uses ${name}`),
  );
}

/** Command-line switches and strings that switch Chromium's protections off or open a debug port. */
const FORBIDDEN_STRINGS =
  /^(?:--)?(?:disable-web-security|ignore-certificate-errors|allow-insecure-localhost|allow-running-insecure-content|remote-debugging-port|remote-debugging-pipe|no-sandbox|disable-site-isolation-trials|js-flags|inspect(?:-brk)?|enable-blink-features)$/;

export function findForbiddenSwitches(files: readonly SourceFile[]): string[] {
  return files.filter(isCode).flatMap((file) => {
    const source = parse(file);
    const findings: string[] = [];
    walk(source, (node) => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && FORBIDDEN_STRINGS.test(node.text)) {
        findings.push(`${where(file, source, node)} passes ${node.text}`);
      }
    });
    return findings;
  });
}

/** `.loadURL(x)` only where allowed and never with a literal that is not app://; no `.loadFile()`. */
export function findContentLoading(files: readonly SourceFile[], allowedFile: string): string[] {
  return files.filter(isCode).flatMap((file) => {
    const source = parse(file);
    const findings: string[] = [];
    walk(source, (node) => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const method = node.expression.name.text;
      if (method === 'loadFile') findings.push(`${where(file, source, node)} loads a file:// page`);
      if (method !== 'loadURL') return;
      const argument = node.arguments[0];
      if (file.path !== allowedFile) findings.push(`${where(file, source, node)} calls loadURL outside ${allowedFile}`);
      if (
        argument !== undefined &&
        (ts.isStringLiteral(argument) ||
          ts.isNoSubstitutionTemplateLiteral(argument) ||
          ts.isTemplateExpression(argument))
      ) {
        const text = ts.isTemplateExpression(argument) ? argument.head.text : argument.text;
        if (!text.startsWith('app://sitroom/')) findings.push(`${where(file, source, node)} loads ${text}`);
      }
    });
    return findings;
  });
}
