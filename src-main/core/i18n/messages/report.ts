/** Words of the after-action report / improvement plan (AAR/IP), in every format. */
import { defineMessages } from '../define.ts';

export const reportMessages = defineMessages(
  {
    'report.title': 'After-Action Report / Improvement Plan',
  },
  {
    'report.title': '사후강평 보고서 / 개선계획',
  },
);
