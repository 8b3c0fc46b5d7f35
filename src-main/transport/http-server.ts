/**
 * The browser transport: the same backend handlers as Electron IPC, over HTTP (requests) and a
 * WebSocket (pushed events), bound to loopback only. The contract's schemas validate every
 * payload; the same Result errors come back. Because any web page the person visits could send
 * requests to a loopback port, every API request and WebSocket must come from the app's own
 * origin and name the server's own host (which also defeats DNS rebinding).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { channels } from '../contract/channels.ts';
import type { ChannelName } from '../contract/channels.ts';
import { fail } from '../contract/result.ts';
import type { Result } from '../contract/result.ts';
import { contentSecurityPolicy } from '../electron/content-security-policy.ts';
import type { Backend } from '../services/app-backend.ts';
import { readStatic } from './static-files.ts';

export const MAX_REQUEST_BYTES = 1024 * 1024;

export interface HttpServerOptions {
  readonly backend: Backend;
  readonly staticDir: string;
  readonly host?: string;
  readonly port?: number;
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`the app server binds loopback only (127.0.0.1 or ::1), not ${host}`);
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const origin = `http://${authority}`;
  const allowedHosts = new Set([authority, `localhost:${port}`]);
  const allowedOrigins = new Set([origin, `http://localhost:${port}`]);
  const csp = contentSecurityPolicy({ websocketOrigin: `ws://${authority}` });

  const clients = new Set<WebSocket>();
  const unsubscribe = options.backend.onPush((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const client of clients) if (client.readyState === client.OPEN) client.send(message);
  });

  server.on('request', (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.log?.(`sitroom serve: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The server failed to answer; the exercise record is unaffected.'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, csp);
    if (!allowedHosts.has(req.headers.host ?? '')) return sendJson(res, 421, fail('forbidden', 'Wrong host.'));
    const pathname = requestPath(req.url, origin);
    if (pathname === null) return sendPlain(res, 404, 'Not found');
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendPlain(res, 405, 'Method not allowed');
    const file = await readStatic(options.staticDir, pathname);
    if (!file.ok) return sendPlain(res, file.status, file.status === 400 ? 'Bad request' : 'Not found');
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') return sendJson(res, 405, fail('bad-request', 'Use POST for API requests.'));
    if (!allowedOrigins.has(req.headers.origin ?? '')) return sendJson(res, 403, fail('forbidden', 'Requests must come from the Sitroom page itself.'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, fail('bad-request', 'Send JSON.'));
    if (!Object.hasOwn(channels, name)) return sendJson(res, 404, fail('not-found', `No such request "${name.slice(0, 60)}".`));
    const channel = name as ChannelName;
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (body === null) return sendJson(res, 413, fail('too-large', `A request may be at most ${MAX_REQUEST_BYTES / 1024} KiB.`));
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, fail('bad-request', 'The request is not valid JSON.'));
    }
    const parsed = channels[channel].request.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendJson(res, 400, fail('bad-request', `Invalid request${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}.`));
    }
    const handler = options.backend.handlers[channel] as (request: unknown) => Promise<Result<unknown>>;
    const result = await handler(parsed.data);
    // A refusal by the exercise (wrong state, read-only, not recorded) is an answer, not a failed
    // request: it travels as a Result with 200, like over IPC. Status codes are for the transport.
    sendJson(res, 200, result);
  }

  server.on('upgrade', (req, socket, head) => {
    // This runs in an event handler: anything thrown here would take the whole server down.
    if (requestPath(req.url, origin) !== '/ws' || !allowedHosts.has(req.headers.host ?? '') || !allowedOrigins.has(req.headers.origin ?? '')) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      // Clients only listen; anything they send is ignored (commands go through the API).
      ws.on('message', () => undefined);
    });
  });

  return {
    server,
    url: `${origin}/`,
    async close() {
      unsubscribe();
      for (const client of clients) client.terminate();
      sockets.close();
      // close() waits for open keep-alive connections, so end them first.
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * The path of an origin-form request target (`/index.html?x`), or null for anything else. A target
 * starting with `//` would be read by the URL parser as an authority (`//evil/api/…` → host "evil",
 * path `/api/…`, and a bare `//` does not parse at all), and `*` or an absolute URL names no file
 * here: all of these are simply not found, never a server error.
 */
export function requestPath(target: string | undefined, origin: string): string | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return null;
  }
  return url.origin === origin ? url.pathname : null;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function setSecurityHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), usb=(), serial=()');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Reads at most `limit` bytes. A larger body is drained and discarded (so the client reliably
 * receives the 413 instead of a reset connection) up to a hard cap, beyond which the connection
 * is cut: nobody can make the server read forever.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const hardCap = limit * 16;
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > hardCap) {
        req.destroy();
        resolveBody(null);
        return;
      }
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
