/** Words of the library screen(s). */
import { defineMessages } from '../define.ts';

export const libraryMessages = defineMessages({}, {});
