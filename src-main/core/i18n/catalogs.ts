/**
 * All message tables, one per area of the app (each area owns its file, so screens can grow
 * their words without touching each other's). Keys are `area.what` and must be unique.
 */
import { common } from './messages/common.ts';
import { cellMessages } from './messages/cell.ts';
import { consoleMessages } from './messages/console.ts';
import { displayMessages } from './messages/display.ts';
import { evaluatorMessages } from './messages/evaluator.ts';
import { hotwashMessages } from './messages/hotwash.ts';
import { libraryMessages } from './messages/library.ts';
import { newExerciseMessages } from './messages/new-exercise.ts';
import { scoringMessages } from './messages/scoring.ts';
import { reportMessages } from './messages/report.ts';
import { packMessages } from './messages/pack.ts';
import { aarMessages } from './messages/aar.ts';
import { refusalMessages } from './messages/refusal.ts';
import { roomMessages } from './messages/room.ts';

export const TABLES = [common, libraryMessages, newExerciseMessages, consoleMessages, displayMessages, cellMessages, evaluatorMessages, hotwashMessages, scoringMessages, reportMessages, packMessages, aarMessages, refusalMessages, roomMessages] as const;
