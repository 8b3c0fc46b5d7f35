/**
 * The seats of the room and everything about joining: per-seat join codes (single use, expiring),
 * their exchange for a session token, revocation, who is connected, and a limit on failed join
 * attempts per address. Seats are saved (hashes only) in the exercise's folder, so a facilitator
 * restart keeps every seat and every joined device.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fail, ok } from '../../contract/result.ts';
import type { Result } from '../../contract/result.ts';
import { DurableJsonFile } from '../../store/durable-json-file.ts';
import { EXERCISES_FOLDER } from '../../store/exercise-files.ts';
import { formatJoinCode, newJoinCode, newSeatToken, normalizeJoinCode, sameHash, sha256 } from './join-code.ts';
import { FailureRateLimit } from './rate-limit.ts';
import { identityOf, SEATS_FILE_VERSION, SeatsFileSchema } from './seat.ts';
import type { SeatIdentity, SeatRecord, SeatRole, SeatsFile } from './seat.ts';

export const SEATS_FILE_NAME = 'seats.json';
export const DEFAULT_CODE_TTL_MS = 30 * 60_000;

/** What a seat may be bound to, read from the exercise (its scenario and setup). */
export interface ExerciseRoster {
  readonly playerCells: readonly string[];
  readonly evaluators: readonly string[];
}

export interface RoomServiceOptions {
  readonly dataDir: string;
  readonly roster: (exerciseId: string) => Promise<ExerciseRoster | null>;
  readonly now?: () => number;
  readonly codeTtlMs?: number;
  readonly joinFailures?: { readonly limit: number; readonly windowMs: number };
  readonly random?: (n: number) => Uint8Array;
}

export interface NewSeat {
  readonly role: SeatRole;
  readonly cell: string | null;
  readonly evaluator: string | null;
  readonly label: string;
}

export interface SeatListing extends SeatIdentity {
  readonly createdAt: number;
  readonly revokedAt: number | null;
  readonly joined: boolean;
  readonly connections: number;
  /** The pending code as issued (`ABCD-EFGH`) while this process still holds it; null otherwise. */
  readonly code: string | null;
  readonly codeExpiresAt: number | null;
}

export interface IssuedCode {
  readonly seat: SeatIdentity;
  readonly code: string;
  readonly expiresAt: number;
}

export type JoinResult =
  | { readonly ok: true; readonly token: string; readonly seat: SeatIdentity }
  | { readonly ok: false; readonly code: 'rate-limited' | 'refused' | 'bad-request'; readonly message: string; readonly retryAfterMs?: number };

export const JOIN_REFUSED = 'That join code is not valid: it may be mistyped, already used, or expired. Ask the facilitator for a new one.';

export class RoomService {
  readonly #now: () => number;
  readonly #random: (n: number) => Uint8Array;
  readonly #ttl: number;
  readonly #limit: FailureRateLimit;
  /** Loaded exercises' seats, by seat id. */
  readonly #seats = new Map<string, SeatRecord>();
  readonly #files = new Map<string, DurableJsonFile<SeatsFile>>();
  /** Plain codes issued by this process, by seat id, so the console can show them again. */
  readonly #plainCodes = new Map<string, string>();
  readonly #connections = new Map<string, number>();
  readonly #revokeListeners = new Set<(seatId: string) => void>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RoomServiceOptions) {
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? randomBytes;
    this.#ttl = options.codeTtlMs ?? DEFAULT_CODE_TTL_MS;
    this.#limit = new FailureRateLimit({ limit: options.joinFailures?.limit ?? 10, windowMs: options.joinFailures?.windowMs ?? 60_000, now: this.#now });
  }

  /** Changes run one at a time: each reads, changes and saves without another in between. */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #file(exerciseId: string): DurableJsonFile<SeatsFile> {
    let file = this.#files.get(exerciseId);
    if (!file) {
      file = new DurableJsonFile(join(this.options.dataDir, EXERCISES_FOLDER, exerciseId, SEATS_FILE_NAME), {
        schema: SeatsFileSchema,
        version: { field: 'version', current: SEATS_FILE_VERSION },
      });
      this.#files.set(exerciseId, file);
    }
    return file;
  }

  /** Reads an exercise's seats from its folder (once); a missing file means no seats yet. */
  async load(exerciseId: string): Promise<void> {
    if (this.#files.has(exerciseId)) return;
    const saved = await this.#file(exerciseId).read();
    for (const seat of saved?.seats ?? []) if (seat.exerciseId === exerciseId) this.#seats.set(seat.id, seat);
  }

  async #save(exerciseId: string): Promise<void> {
    const seats = [...this.#seats.values()].filter((s) => s.exerciseId === exerciseId);
    await this.#file(exerciseId).write({ version: SEATS_FILE_VERSION, seats });
  }

  createSeat(exerciseId: string, seat: NewSeat): Promise<Result<IssuedCode>> {
    return this.#serial(async () => {
      await this.load(exerciseId);
      const roster = await this.options.roster(exerciseId);
      if (!roster) return fail('not-found', `There is no exercise "${exerciseId}".`);
      const checked = checkBinding(seat, roster);
      if (checked) return fail('bad-request', checked);
      if ([...this.#seats.values()].filter((s) => s.exerciseId === exerciseId).length >= 1000) return fail('refused', 'An exercise can have at most 1000 seats.');
      const record: SeatRecord = {
        id: `seat-${Buffer.from(this.#random(6)).toString('hex')}`,
        exerciseId,
        role: seat.role,
        cell: seat.role === 'player' ? seat.cell : null,
        evaluator: seat.role === 'evaluator' ? seat.evaluator : null,
        label: seat.label.trim(),
        createdAt: this.#now(),
        revokedAt: null,
        tokenHash: null,
        code: null,
      };
      return this.#issue(record);
    });
  }

  /** A new code for an existing seat (a lost note, an expired code, a replaced laptop). */
  newCode(seatId: string): Promise<Result<IssuedCode>> {
    return this.#serial(async () => {
      const seat = this.#seats.get(seatId);
      if (!seat) return fail('not-found', 'There is no such seat.');
      if (seat.revokedAt !== null) return fail('refused', 'This seat was revoked; create a new seat instead.');
      return this.#issue(seat);
    });
  }

  async #issue(seat: SeatRecord): Promise<Result<IssuedCode>> {
    const code = newJoinCode(this.#random);
    const expiresAt = this.#now() + this.#ttl;
    const updated: SeatRecord = { ...seat, code: { hash: sha256(code), expiresAt } };
    const previous = this.#seats.get(seat.id);
    this.#seats.set(seat.id, updated);
    try {
      await this.#save(seat.exerciseId);
    } catch (error) {
      if (previous) this.#seats.set(seat.id, previous);
      else this.#seats.delete(seat.id);
      return fail('internal', `The seat could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.#plainCodes.set(seat.id, formatJoinCode(code));
    return ok({ seat: identityOf(updated), code: formatJoinCode(code), expiresAt });
  }

  /** Revokes a seat: its token stops working now and its open connections are closed. */
  revoke(seatId: string): Promise<Result<SeatIdentity>> {
    return this.#serial(async () => {
      const seat = this.#seats.get(seatId);
      if (!seat) return fail('not-found', 'There is no such seat.');
      const revoked: SeatRecord = { ...seat, revokedAt: seat.revokedAt ?? this.#now(), tokenHash: null, code: null };
      // Cut off first, then save: a revoked seat must not keep a live connection while the disk is slow.
      this.#seats.set(seatId, revoked);
      this.#plainCodes.delete(seatId);
      for (const listener of this.#revokeListeners) listener(seatId);
      try {
        await this.#save(seat.exerciseId);
      } catch (error) {
        return fail('not-recorded', `The seat is cut off now, but the revocation could not be saved (a restart would restore it): ${error instanceof Error ? error.message : String(error)}`);
      }
      return ok(identityOf(revoked));
    });
  }

  /** Exchanges a join code for a session token. The code is spent whether or not the save works. */
  join(typed: string, address: string): Promise<JoinResult> {
    return this.#serial(async () => {
      const wait = this.#limit.retryAfter(address);
      if (wait > 0) return { ok: false, code: 'rate-limited', message: `Too many wrong codes from this computer. Try again in ${Math.ceil(wait / 1000)} s.`, retryAfterMs: wait };
      const code = normalizeJoinCode(typed);
      const hash = code === null ? null : sha256(code);
      const now = this.#now();
      const seat = hash === null ? undefined : [...this.#seats.values()].find((s) => s.code !== null && sameHash(s.code.hash, hash));
      if (!seat || seat.revokedAt !== null || seat.code === null || seat.code.expiresAt <= now) {
        this.#limit.fail(address);
        return { ok: false, code: 'refused', message: JOIN_REFUSED };
      }
      const token = newSeatToken(this.#random);
      const joined: SeatRecord = { ...seat, code: null, tokenHash: sha256(token) };
      this.#seats.set(seat.id, joined);
      this.#plainCodes.delete(seat.id);
      // A device that joined this seat before is replaced by this one.
      for (const listener of this.#revokeListeners) listener(seat.id);
      try {
        await this.#save(seat.exerciseId);
      } catch {
        // Joined for this run; after a restart the person joins again with a new code.
      }
      return { ok: true, token, seat: identityOf(joined) };
    });
  }

  /** The seat a session token belongs to; null for an unknown, replaced or revoked token. */
  authenticate(token: string | undefined): SeatIdentity | null {
    if (token === undefined || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const hash = sha256(token);
    for (const seat of this.#seats.values()) {
      if (seat.revokedAt === null && seat.tokenHash !== null && sameHash(seat.tokenHash, hash)) return identityOf(seat);
    }
    return null;
  }

  /** Is this seat still the one that token named (not revoked, not re-joined elsewhere)? */
  stillValid(seatId: string, token: string): boolean {
    return this.authenticate(token)?.id === seatId;
  }

  seats(exerciseId: string): SeatListing[] {
    const now = this.#now();
    return [...this.#seats.values()]
      .filter((s) => s.exerciseId === exerciseId)
      .sort((a, b) => a.createdAt - b.createdAt) // stable: same-time seats keep creation order
      .map((s) => {
        const live = s.code !== null && s.code.expiresAt > now;
        return {
          ...identityOf(s),
          createdAt: s.createdAt,
          revokedAt: s.revokedAt,
          joined: s.tokenHash !== null,
          connections: this.#connections.get(s.id) ?? 0,
          code: live ? (this.#plainCodes.get(s.id) ?? null) : null,
          codeExpiresAt: live ? s.code!.expiresAt : null,
        };
      });
  }

  connected(seatId: string, delta: 1 | -1): void {
    const next = (this.#connections.get(seatId) ?? 0) + delta;
    if (next <= 0) this.#connections.delete(seatId);
    else this.#connections.set(seatId, next);
  }

  /** Called when a seat's existing sessions must end (revoked, or joined from another device). */
  onCutOff(listener: (seatId: string) => void): () => void {
    this.#revokeListeners.add(listener);
    return () => this.#revokeListeners.delete(listener);
  }
}

/** Why this seat cannot exist in this exercise, or null. */
function checkBinding(seat: NewSeat, roster: ExerciseRoster): string | null {
  if (seat.label.trim().length === 0) return 'Give the seat a label (who sits there).';
  switch (seat.role) {
    case 'player':
      if (seat.cell === null || !roster.playerCells.includes(seat.cell)) return `A player seat needs a player cell of this exercise (${roster.playerCells.join(', ')}).`;
      return null;
    case 'evaluator':
      if (seat.evaluator === null || !roster.evaluators.includes(seat.evaluator)) return `An evaluator seat needs an evaluator of this exercise (${roster.evaluators.join(', ') || 'none in the setup'}).`;
      return null;
    case 'observer':
    case 'display':
      return null;
  }
}
