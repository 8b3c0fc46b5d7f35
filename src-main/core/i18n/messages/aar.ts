/** Words of the AAR editor screen (strengths, areas for improvement, improvement plan). */
import { defineMessages } from '../define.ts';

export const aarMessages = defineMessages(
  {
    'aar.title': 'After-action report',
  },
  {
    'aar.title': '사후강평 보고서',
  },
);
