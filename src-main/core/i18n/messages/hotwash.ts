/** Words of the hotwash screen(s). */
import { defineMessages } from '../define.ts';

export const hotwashMessages = defineMessages({}, {});
