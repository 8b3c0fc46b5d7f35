/** Small zod building blocks shared by the store's persisted formats. */
import { z } from 'zod';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a SHA-256 hash in lowercase hex' });

export const IsoTime = z.iso.datetime({ offset: true });

/**
 * Exercise ids name folders on disk, so they allow no separators, no dot-names and no spaces: an
 * archive from another machine cannot steer a write outside the exercises folder.
 */
export const ExerciseId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, {
  error: 'an exercise id starts with a letter or digit and uses only letters, digits, "_" and "-" (at most 80)',
});
