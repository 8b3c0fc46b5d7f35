/** Words of the console screen(s). */
import { defineMessages } from '../define.ts';

export const consoleMessages = defineMessages({}, {});
