/** Words of the printable exercise packs: situation manual, inject cards, evaluation guides, feedback form. */
import { defineMessages } from '../define.ts';

export const packMessages = defineMessages(
  {
    'pack.title': 'Exercise pack',
  },
  {
    'pack.title': '훈련 자료집',
  },
);
