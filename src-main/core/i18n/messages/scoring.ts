/** Words of the scores and their explanations (formulas in docs/scoring.md). */
import { defineMessages } from '../define.ts';

export const scoringMessages = defineMessages(
  {
    'scoring.title': 'Scores',
  },
  {
    'scoring.title': '점수',
  },
);
