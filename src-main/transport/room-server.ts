/**
 * The room network's listener: a second server, next to the facilitator's loopback one, on the
 * interface the facilitator chose. It serves the app's files and, to a joined seat only, that
 * seat's view and commands. A seat proves itself with the session token it got for its join code
 * (an HttpOnly, SameSite=Strict cookie); every request and the WebSocket are checked for origin
 * and host as on loopback, and every command is authorized for the seat (services/room).
 *
 * Seats never receive `exercise:events`: they get `seat:changed` (seq numbers only) and fetch their
 * own view, so nothing addressed to another cell travels to them.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { channels } from '../contract/channels.ts';
import { fail, ok } from '../contract/result.ts';
import { contentSecurityPolicy } from '../electron/content-security-policy.ts';
import type { Backend } from '../services/app-backend.ts';
import type { RoomListener } from '../services/room/room-backend.ts';
import type { SeatIdentity } from '../services/room/seat.ts';
import { MAX_REQUEST_BYTES, readBody, requestPath, sendJson, sendPlain, setSecurityHeaders } from './http-server.ts';
import { readStatic } from './static-files.ts';

export const SEAT_COOKIE = 'sitroom_seat';
/** A seat's cookie outlives a browser restart for a working day, not longer. */
export const SEAT_COOKIE_MAX_AGE_S = 12 * 3600;
const MAX_JOIN_BYTES = 1024;
/** Close code for a socket whose seat was revoked or joined from another device. */
export const WS_CUT_OFF = 4401;

/** The channels a seat may call; everything else in the contract is the facilitator's. */
const SEAT_CHANNELS = new Set(['seat:view', 'exercise:dispatch']);

export interface RoomServerOptions {
  readonly backend: Backend;
  readonly staticDir: string;
  readonly exerciseId: string;
  readonly host: string;
  readonly port: number;
  readonly log?: (line: string) => void;
}

export function seatToken(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SEAT_COOKIE) return value.join('=');
  }
  return undefined;
}

export async function startRoomServer(options: RoomServerOptions): Promise<RoomListener> {
  const { backend, host, exerciseId } = options;
  const room = backend.seats.room;
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const origin = `http://${authority}`;
  const loopback = host === '127.0.0.1' || host === '::1';
  const allowedHosts = new Set([authority, ...(loopback ? [`localhost:${port}`] : [])]);
  const allowedOrigins = new Set([origin, ...(loopback ? [`http://localhost:${port}`] : [])]);
  const csp = contentSecurityPolicy({ websocketOrigin: `ws://${authority}` });

  /** Open sockets by seat, with the token each was opened with (re-checked when a seat is cut off). */
  const clients = new Map<WebSocket, { seat: SeatIdentity; token: string }>();
  const unsubscribePush = backend.onPush((event, payload) => {
    if (payload.id !== exerciseId) return;
    let message: string;
    if (event === 'exercise:events') {
      const { events, head } = payload as { events: readonly { seq: number }[]; head: { seq: number; hash: string } };
      const first = events[0];
      const last = events.at(-1);
      if (!first || !last) return;
      message = JSON.stringify({ event: 'seat:changed', payload: { id: exerciseId, fromSeq: first.seq, toSeq: last.seq, head } });
    } else if (event === 'exercise:status') {
      // The reason may name files on the facilitator's disk; a seat only needs the state.
      const { status } = payload as { status: { state: string } };
      message = JSON.stringify({ event: 'exercise:status', payload: { id: exerciseId, status: { state: status.state, reason: null } } });
    } else {
      return;
    }
    for (const client of clients.keys()) if (client.readyState === client.OPEN) client.send(message);
  });
  const unsubscribeCutOff = room.onCutOff((seatId) => {
    for (const [client, { seat, token }] of clients) {
      if (seat.id === seatId && !room.stillValid(seatId, token)) client.close(WS_CUT_OFF, 'seat revoked');
    }
  });

  /** The seat this request's cookie belongs to, for this room's exercise only. */
  const seatOf = (req: IncomingMessage): { seat: SeatIdentity; token: string } | null => {
    const token = seatToken(req.headers.cookie);
    const seat = room.authenticate(token);
    return seat && token !== undefined && seat.exerciseId === exerciseId ? { seat, token } : null;
  };

  server.on('request', (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.log?.(`sitroom room: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The server failed to answer; the exercise record is unaffected.'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, csp);
    if (!allowedHosts.has(req.headers.host ?? '')) return sendJson(res, 421, fail('forbidden', 'Wrong host.'));
    const pathname = requestPath(req.url, origin);
    if (pathname === null) return sendPlain(res, 404, 'Not found');
    if (pathname === '/api/join') return handleJoin(req, res);
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendPlain(res, 405, 'Method not allowed');
    if (pathname === '/join') {
      // The join page is a route of the app; a code is typed there (or read from the QR link's
      // fragment, which never reaches a server and is wiped from the address bar at once).
      res.writeHead(303, { Location: '/#/join', 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const file = await readStatic(options.staticDir, pathname);
    if (!file.ok) return sendPlain(res, file.status, file.status === 400 ? 'Bad request' : 'Not found');
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /** Common checks of every API request; the parsed JSON body, or null when an answer was sent. */
  async function readJson(req: IncomingMessage, res: ServerResponse, limit: number): Promise<{ value: unknown } | null> {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') return (sendJson(res, 405, fail('bad-request', 'Use POST for API requests.')), null);
    if (!allowedOrigins.has(req.headers.origin ?? '')) return (sendJson(res, 403, fail('forbidden', 'Requests must come from the Sitroom page itself.')), null);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return (sendJson(res, 415, fail('bad-request', 'Send JSON.')), null);
    const body = await readBody(req, limit);
    if (body === null) return (sendJson(res, 413, fail('too-large', `A request may be at most ${Math.max(1, Math.floor(limit / 1024))} KiB.`)), null);
    try {
      return { value: JSON.parse(body.toString('utf8')) };
    } catch {
      return (sendJson(res, 400, fail('bad-request', 'The request is not valid JSON.')), null);
    }
  }

  async function handleJoin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req, res, MAX_JOIN_BYTES);
    if (body === null) return;
    const value = body.value as { code?: unknown } | null;
    if (typeof value !== 'object' || value === null || typeof value.code !== 'string' || Object.keys(value).length !== 1) {
      return sendJson(res, 400, fail('bad-request', 'Send {"code": "ABCD-EFGH"}.'));
    }
    const joined = await room.join(value.code, req.socket.remoteAddress ?? 'unknown');
    if (!joined.ok) {
      if (joined.code === 'rate-limited') {
        res.setHeader('Retry-After', String(Math.ceil((joined.retryAfterMs ?? 60_000) / 1000)));
        return sendJson(res, 429, fail('rate-limited', joined.message));
      }
      return sendJson(res, 200, fail('refused', joined.message));
    }
    if (joined.seat.exerciseId !== exerciseId) return sendJson(res, 200, fail('refused', 'That code is for another exercise.'));
    res.setHeader('Set-Cookie', `${SEAT_COOKIE}=${joined.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SEAT_COOKIE_MAX_AGE_S}`);
    sendJson(res, 200, ok({ seat: joined.seat }));
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (name === 'settings:get') {
      // Before joining too: the join page speaks the room's language. Never where the data lives.
      const body = await readJson(req, res, MAX_JOIN_BYTES);
      if (body === null) return;
      const settings = await backend.handlers['settings:get']({});
      return sendJson(res, 200, settings.ok ? ok({ language: settings.value.language, theme: settings.value.theme, dataDir: '' }) : settings);
    }
    // Who is asking comes first: without a seat nothing else about the API is revealed.
    const who = seatOf(req);
    if (!who) return sendJson(res, 401, fail('forbidden', 'This seat is not joined, or it was revoked. Join with a code from the facilitator.'));
    if (!SEAT_CHANNELS.has(name)) return sendJson(res, 403, fail('forbidden', 'A seat cannot make that request.'));
    const body = await readJson(req, res, MAX_REQUEST_BYTES);
    if (body === null) return;
    const { seat } = who;
    if (name === 'seat:view') {
      const parsed = channels['seat:view'].request.safeParse(body.value);
      if (!parsed.success) return sendJson(res, 400, fail('bad-request', 'Send {}.'));
      return sendJson(res, 200, await backend.seats.view(seat));
    }
    const parsed = channels['exercise:dispatch'].request.safeParse(body.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendJson(res, 400, fail('bad-request', `Invalid request${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}.`));
    }
    if (parsed.data.id !== seat.exerciseId) return sendJson(res, 200, fail('forbidden', 'This seat belongs to another exercise.'));
    // The request's `actor` is ignored: a seat's commands are authored by the seat (authorize.ts).
    sendJson(res, 200, await backend.seats.dispatch(seat, { command: parsed.data.command, key: parsed.data.key }));
  }

  const refuse = (socket: Duplex, status: string) => {
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  };
  server.on('upgrade', (req, socket, head) => {
    if (requestPath(req.url, origin) !== '/ws' || !allowedHosts.has(req.headers.host ?? '') || !allowedOrigins.has(req.headers.origin ?? '')) return refuse(socket, '403 Forbidden');
    const who = seatOf(req);
    if (!who) return refuse(socket, '401 Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // Revoked between the check and now? Then not at all.
      if (!room.stillValid(who.seat.id, who.token)) return ws.close(WS_CUT_OFF, 'seat revoked');
      clients.set(ws, who);
      room.connected(who.seat.id, 1);
      ws.on('close', () => {
        if (clients.delete(ws)) room.connected(who.seat.id, -1);
      });
      ws.on('message', () => undefined);
    });
  });

  return {
    url: `${origin}/`,
    async close() {
      unsubscribePush();
      unsubscribeCutOff();
      for (const [client, { seat }] of clients) {
        client.terminate();
        room.connected(seat.id, -1);
      }
      clients.clear();
      sockets.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
