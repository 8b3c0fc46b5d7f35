/**
 * All message tables, one per area of the app (each area owns its file, so screens can grow
 * their words without touching each other's). Keys are `area.what` and must be unique.
 */
import { common } from './messages/common.ts';

export const TABLES = [common] as const;
