/** Words of the display screen(s). */
import { defineMessages } from '../define.ts';

export const displayMessages = defineMessages({}, {});
