/** Words of the new-exercise screen(s). */
import { defineMessages } from '../define.ts';

export const newExerciseMessages = defineMessages({}, {});
