/** Words of the cell screen(s). */
import { defineMessages } from '../define.ts';

export const cellMessages = defineMessages({}, {});
