/**
 * The app:// protocol: serves the built renderer from one directory, to GET and HEAD only, for the
 * host `sitroom` only, and never a byte from outside that directory — not through `..`, encoded
 * separators, absolute paths, NUL bytes or symlinks (checked on the real path).
 *
 * Files are read with node:fs rather than `net.fetch('file://…')`: the session cancels every
 * file: request (security.ts), and Electron's fs reads inside app.asar transparently.
 */
import fs from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { contentTypeFor } from './content-types.ts';

export { contentSecurityPolicy } from './content-security-policy.ts';

/**
 * Registered before `ready`. `standard` gives the scheme real origins (so the CSP's 'self' and the
 * navigation checks mean app://sitroom), `secure` makes it a secure context, `supportFetchAPI` lets
 * the renderer fetch its own JSON. Deliberately absent: bypassCSP, corsEnabled,
 * allowServiceWorkers, stream.
 */
export const APP_SCHEME_PRIVILEGES: Readonly<CustomScheme> = Object.freeze({
  scheme: APP_SCHEME,
  privileges: Object.freeze({ standard: true, secure: true, supportFetchAPI: true }),
});

export type AppPathResolution =
  | { readonly ok: true; readonly filePath: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404 | 405; readonly reason: string };

const refuse = (status: 400 | 403 | 404 | 405, reason: string): AppPathResolution => ({ ok: false, status, reason });

/**
 * Maps an app:// request to a file under `rootDir`, or says why not. `/` is index.html. The raw URL
 * is checked before parsing as well as after, because the URL parser silently resolves `..` and
 * `%2e%2e` — a request that needed either is hostile, whatever it resolves to.
 */
export async function resolveAppPath(rootDir: string, requestUrl: string, method: string): Promise<AppPathResolution> {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, `method ${method} is not allowed`);

  const beforeQuery = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (/\0|%00/i.test(requestUrl)) return refuse(400, 'NUL byte in URL');
  if (/\\|%5c/i.test(beforeQuery)) return refuse(400, 'backslash in path');
  if (/\.\.|%2e|%2f|\/\.(?:\/|$)/i.test(beforeQuery)) return refuse(400, 'dot-segment or encoded separator in path');

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'unparsable URL');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return refuse(400, `scheme ${url.protocol} is not served here`);
  if (url.host !== APP_HOST || url.username !== '' || url.password !== '') return refuse(403, 'unknown host');

  const segments = url.pathname === '/' ? ['index.html'] : url.pathname.slice(1).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let part: string;
    try {
      part = decodeURIComponent(segment);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    // Empty: `//` (an absolute path in disguise) or a trailing slash (a directory listing).
    if (part === '' || part === '.' || part === '..') return refuse(400, 'empty or dot segment');
    if (/[/\\\0:]/.test(part)) return refuse(400, 'separator, drive or NUL in a segment');
    if (part.startsWith('.')) return refuse(404, 'hidden files are not served');
    decoded.push(part);
  }

  const candidate = join(rootDir, ...decoded);
  const lexical = relative(rootDir, candidate);
  if (lexical === '' || lexical.startsWith('..') || isAbsolute(lexical)) return refuse(403, 'outside the app root');

  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.promises.realpath(rootDir);
    realFile = await fs.promises.realpath(candidate);
  } catch {
    return refuse(404, 'not found');
  }
  if (!realFile.startsWith(realRoot + sep)) return refuse(403, 'resolves outside the app root');

  try {
    if (!(await fs.promises.stat(realFile)).isFile()) return refuse(404, 'not a file');
  } catch {
    return refuse(404, 'not found');
  }
  return { ok: true, filePath: realFile, contentType: contentTypeFor(extname(realFile)) };
}

/** Headers on every app:// response, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

export async function handleAppRequest(rootDir: string, request: AppRequest): Promise<Response> {
  const resolution = await resolveAppPath(rootDir, request.url, request.method);
  if (!resolution.ok) {
    return new Response(resolution.status === 404 ? 'Not found' : 'Refused', {
      status: resolution.status,
      headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  let body: Buffer;
  try {
    body = await fs.promises.readFile(resolution.filePath);
  } catch {
    return new Response('Could not read the file', {
      status: 500,
      headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: {
      ...securityHeaders(),
      'Content-Type': resolution.contentType,
      'Content-Length': String(body.byteLength),
    },
  });
}

export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Call after `ready`, before the first window loads. */
export function registerAppProtocol(protocol: ProtocolLike, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(rootDir, request));
}
