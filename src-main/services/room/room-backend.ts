/**
 * The room network's part of the backend: the facilitator's `room:*` handlers, and what a joined
 * seat may ask (its view, its commands). The listener itself is the transport's business and comes
 * in as a factory, so this file stays free of HTTP.
 */
import { fail, ok } from '../../contract/result.ts';
import type { Result } from '../../contract/result.ts';
import type { RequestOf, ResponseOf } from '../../contract/channels.ts';
import type { Command } from '../../core/engine/index.ts';
import type { ExerciseSession } from '../exercise-session.ts';
import { authorizeCommand } from './authorize.ts';
import { listenAddresses } from './interfaces.ts';
import { qrSvg } from './qr.ts';
import { RoomService } from './room-service.ts';
import type { IssuedCode } from './room-service.ts';
import type { SeatIdentity } from './seat.ts';
import { seatView } from './seat-view.ts';
import type { SeatView } from './seat-view.ts';

export interface RoomListener {
  /** e.g. `http://192.168.0.12:8800/` */
  readonly url: string;
  close(): Promise<void>;
}

export type RoomListenerFactory = (args: { readonly exerciseId: string; readonly host: string; readonly port: number }) => Promise<RoomListener>;

type RoomChannel = 'room:open' | 'room:close' | 'room:status' | 'room:create-seat' | 'room:new-code' | 'room:revoke-seat';
export type RoomHandlers = { readonly [C in RoomChannel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

export interface SeatDispatch {
  readonly command: Command;
  readonly key?: string | undefined;
}

/** What the room listener offers a joined seat, always for that seat only. */
export interface SeatApi {
  readonly room: RoomService;
  /** The exercise the room is open for, or null when it is closed. */
  readonly openExercise: () => string | null;
  view(seat: SeatIdentity): Promise<Result<SeatView>>;
  dispatch(seat: SeatIdentity, request: SeatDispatch): Promise<Result<{ head: { seq: number; hash: string }; seqs: number[] }>>;
}

export interface RoomBackendOptions {
  readonly dataDir: string;
  readonly now?: () => number;
  readonly openSession: (id: string) => Promise<Result<ExerciseSession>>;
  readonly listener?: RoomListenerFactory | undefined;
}

export function createRoomBackend(options: RoomBackendOptions): { handlers: RoomHandlers; seats: SeatApi; close(): Promise<void> } {
  const room = new RoomService({
    dataDir: options.dataDir,
    ...(options.now ? { now: options.now } : {}),
    roster: async (id) => {
      const opened = await options.openSession(id);
      if (!opened.ok) return null;
      const state = opened.value.state;
      return { playerCells: state.scenario.cells.filter((c) => c.role === 'player').map((c) => c.id), evaluators: state.setup?.evaluators.map((e) => e.id) ?? [] };
    },
  });
  let open: { exerciseId: string; listener: RoomListener } | null = null;

  /** The room as seen from one exercise's page (another exercise's open room is not this one's). */
  const status = (id?: string): ResponseOf<'room:status'> => {
    const exerciseId = id ?? open?.exerciseId ?? null;
    const here = open !== null && open.exerciseId === exerciseId;
    return {
      open: here,
      exerciseId,
      url: here ? open!.listener.url : null,
      interfaces: listenAddresses(),
      seats: exerciseId === null ? [] : room.seats(exerciseId),
    };
  };
  const issued = async (code: IssuedCode): Promise<ResponseOf<'room:create-seat'>> => {
    const joinUrl = open && open.exerciseId === code.seat.exerciseId ? `${open.listener.url}#/join?code=${code.code}` : null;
    return { seatId: code.seat.id, code: code.code, expiresAt: code.expiresAt, joinUrl, qrSvg: joinUrl ? await qrSvg(joinUrl) : null };
  };
  const closeRoom = async () => {
    const was = open;
    open = null;
    await was?.listener.close();
  };

  const handlers: RoomHandlers = {
    'room:open': async ({ id, host, port }) => {
      if (!options.listener) return fail('refused', 'This window cannot open the room network; run `sitroom serve` to host a room.');
      const opened = await options.openSession(id);
      if (!opened.ok) return opened;
      // Only an address of this machine: a request never makes the app listen somewhere it chose.
      if (!listenAddresses().some((a) => a.address === host)) return fail('bad-request', `"${host}" is not an address of this computer.`);
      await room.load(id);
      await closeRoom();
      try {
        open = { exerciseId: id, listener: await options.listener({ exerciseId: id, host, port }) };
      } catch (error) {
        const code = (error as { code?: string }).code;
        return fail('refused', code === 'EADDRINUSE' ? `Port ${port} is in use; choose another (or 0 for any free port).` : `The room could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      }
      return ok(status());
    },
    'room:close': async () => {
      await closeRoom();
      return ok(status());
    },
    'room:status': async ({ id }) => {
      if (id !== undefined) await room.load(id).catch(() => undefined);
      return ok(status(id));
    },
    'room:create-seat': async ({ id, role, cell, evaluator, label }) => {
      const created = await room.createSeat(id, { role, cell, evaluator, label });
      return created.ok ? ok(await issued(created.value)) : created;
    },
    'room:new-code': async ({ seatId }) => {
      const created = await room.newCode(seatId);
      return created.ok ? ok(await issued(created.value)) : created;
    },
    'room:revoke-seat': async ({ seatId }) => {
      const revoked = await room.revoke(seatId);
      return revoked.ok ? ok({ seatId }) : revoked;
    },
  };

  const sessionOf = async (seat: SeatIdentity): Promise<Result<ExerciseSession>> => {
    if (open?.exerciseId !== seat.exerciseId) return fail('forbidden', 'The room for this exercise is closed.');
    return options.openSession(seat.exerciseId);
  };

  const seats: SeatApi = {
    room,
    openExercise: () => open?.exerciseId ?? null,
    async view(seat) {
      const session = await sessionOf(seat);
      if (!session.ok) return session;
      return ok(seatView(session.value.state, seat, session.value.head));
    },
    async dispatch(seat, { command, key }) {
      const opened = await sessionOf(seat);
      if (!opened.ok) return opened;
      const session = opened.value;
      const allowed = authorizeCommand(seat, command, session.state);
      if (!allowed.ok) return fail('forbidden', allowed.message);
      // Keys are scoped to the seat: one seat's key can never replay another seat's answer.
      const result = await session.dispatch(command, allowed.actor, key === undefined ? undefined : `seat:${seat.id}:${key}`);
      if (!result.ok) return fail(result.error.code, result.error.message);
      return ok({ head: result.head, seqs: result.events.map((e) => e.seq) });
    },
  };

  return { handlers, seats, close: closeRoom };
}
