/** A seat in the room: one cell (or evaluator, observer, situation display) on one device. */
import { z } from 'zod';
import { SEAT_ROLE_NAMES } from '../../contract/names.ts';

export const SEAT_ROLES = SEAT_ROLE_NAMES;
export type SeatRole = (typeof SEAT_ROLES)[number];

const Hash = z.string().regex(/^[0-9a-f]{64}$/);

export const SeatRecordSchema = z.strictObject({
  id: z.string().regex(/^seat-[0-9a-f]{12}$/),
  exerciseId: z.string().min(1).max(120),
  role: z.enum(SEAT_ROLES),
  /** The player cell a player seat acts for; null for the other roles. */
  cell: z.string().min(1).max(80).nullable(),
  /** The evaluator (from the exercise setup) an evaluator seat records as; null otherwise. */
  evaluator: z.string().min(1).max(80).nullable(),
  label: z.string().max(120),
  createdAt: z.number().int(),
  revokedAt: z.number().int().nullable(),
  /** SHA-256 of the session token of the device that joined last; null until someone joins. */
  tokenHash: Hash.nullable(),
  /** SHA-256 of the pending join code and when it expires; null once used or never issued. */
  code: z.strictObject({ hash: Hash, expiresAt: z.number().int() }).nullable(),
});
export type SeatRecord = z.infer<typeof SeatRecordSchema>;

export const SEATS_FILE_VERSION = 1;
export const SeatsFileSchema = z.strictObject({ version: z.literal(SEATS_FILE_VERSION), seats: z.array(SeatRecordSchema).max(1000) });
export type SeatsFile = z.infer<typeof SeatsFileSchema>;

/** What the seat's own browser and the rest of the app know about a seat: never a hash. */
export interface SeatIdentity {
  readonly id: string;
  readonly exerciseId: string;
  readonly role: SeatRole;
  readonly cell: string | null;
  readonly evaluator: string | null;
  readonly label: string;
}

export const identityOf = (s: SeatRecord): SeatIdentity => ({ id: s.id, exerciseId: s.exerciseId, role: s.role, cell: s.cell, evaluator: s.evaluator, label: s.label });
