import type { Rating } from '@core/engine/index.ts';

/** A CSS class per rating (N/A has a slash, which a class name cannot). */
export function ratingClass(rating: Rating): string {
  return rating === 'N/A' ? 'rating-na' : `rating-${rating}`;
}
