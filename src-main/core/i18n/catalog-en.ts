/** English messages. Keys are `area.what`; the Korean catalog mirrors every key. */
export const en = {
  'app.name': 'Sitroom',
  'app.tagline': 'Tabletop exercises for the national crisis task force',
  'exercise.banner': 'EXERCISE EXERCISE EXERCISE',
  'alert.none': 'No alert issued',
  'alert.interest': 'Interest',
  'alert.caution': 'Caution',
  'alert.alert': 'Alert',
  'alert.serious': 'Serious',
  'service.up': 'Up',
  'service.degraded': 'Degraded',
  'service.down': 'Down',
  'rating.P': 'Performed without challenges',
  'rating.S': 'Performed with some challenges',
  'rating.M': 'Performed with major challenges',
  'rating.U': 'Unable to be performed',
  'rating.N/A': 'Not observed',
} as const;
