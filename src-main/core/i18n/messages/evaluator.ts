/** Words of the evaluator screen(s). */
import { defineMessages } from '../define.ts';

export const evaluatorMessages = defineMessages({}, {});
