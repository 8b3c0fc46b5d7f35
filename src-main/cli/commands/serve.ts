/**
 * `sitroom serve`: the app in any browser, from 127.0.0.1 only. Builds the renderer first when
 * this checkout has not built it yet, so it works straight after `npm ci`.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../services/app-backend.ts';
import { CHROMIUM_PDF } from '../../services/report/pdf.ts';
import type { Backend } from '../../services/app-backend.ts';
import { startHttpServer } from '../../transport/http-server.ts';
import { startRoomServer } from '../../transport/room-server.ts';
import { EXIT, UsageError } from '../io.ts';
import type { CliIo } from '../io.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

export const serveHelp = `Usage: sitroom serve [--port N] [--data-dir DIR]

Serves the Sitroom app on http://127.0.0.1:PORT for a browser (the same app as the desktop
window). Loopback only: nothing on the network can reach it. From the console the facilitator
may open the room network (a second listener, on an interface chosen there) for players' laptops;
players reach only their own seat with a join code. Stop with Ctrl+C.

  --port N         default: a free port, printed at start
  --data-dir DIR   where exercises live (default: SITROOM_DATA_DIR or the user-data folder)`;

export async function ensureRendererBuilt(io: CliIo): Promise<void> {
  try {
    await stat(`${RENDERER_DIR}index.html`);
    return;
  } catch {
    io.out('building the app (first run)…');
  }
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

export async function serveCommand(args: { port: string | undefined; dataDir: string }, io: CliIo, signal?: AbortSignal): Promise<number> {
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535');
  await ensureRendererBuilt(io);
  // The room listener needs the backend it belongs to; it is only ever started after this returns.
  let backend: Backend | null = null;
  backend = await createBackend({
    dataDir: args.dataDir,
    pdf: CHROMIUM_PDF,
    roomListener: ({ exerciseId, host, port: roomPort }) => startRoomServer({ backend: backend!, staticDir: RENDERER_DIR, exerciseId, host, port: roomPort, log: io.err }),
  });
  const server = await startHttpServer({ backend, staticDir: RENDERER_DIR, port, log: io.err });
  io.out(`Sitroom is serving on ${server.url}  (data: ${args.dataDir})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
  });
  await server.close();
  await backend.close();
  return EXIT.ok;
}
