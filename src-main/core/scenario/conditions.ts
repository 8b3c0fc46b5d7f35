/**
 * Structured conditions: data, never an expression string (nothing in a scenario is executed).
 *
 * Each condition is an object with exactly one key, so a planner writes
 * `{ all: [ { released: I-004 }, { service: { id: login, state: down } } ] }`.
 */
import { z } from 'zod';
import { Id } from './text.ts';

export const SERVICE_STATES = ['up', 'degraded', 'down'] as const;
export const ServiceState = z.enum(SERVICE_STATES);
export type ServiceState = z.infer<typeof ServiceState>;

/** The four Korean crisis alert levels, lowest first, with `none` before any is issued. */
export const ALERT_LEVELS = ['none', 'interest', 'caution', 'alert', 'serious'] as const;
export const AlertLevel = z.enum(ALERT_LEVELS).meta({
  description: 'none, or a Korean crisis level: interest 관심, caution 주의, alert 경계, serious 심각',
});
export type AlertLevel = z.infer<typeof AlertLevel>;

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly released: string }
  | { readonly decided: { readonly point: string; readonly option?: string | undefined } }
  | { readonly service: { readonly id: string; readonly state: ServiceState } }
  | { readonly metric: { readonly id: string; readonly atLeast?: number | undefined; readonly atMost?: number | undefined } }
  | { readonly alert: { readonly atLeast: AlertLevel } }
  | { readonly taskDone: string };

/** Conditions nest at most this deep; deeper is a planner's mistake or an attack. */
export const MAX_CONDITION_DEPTH = 8;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1).max(50) }),
    z.strictObject({ any: z.array(Condition).min(1).max(50) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ released: Id.meta({ description: 'true once this inject is released' }) }),
    z.strictObject({
      decided: z.strictObject({ point: Id, option: Id.optional() }),
    }),
    z.strictObject({ service: z.strictObject({ id: Id, state: ServiceState }) }),
    z.strictObject({
      metric: z
        .strictObject({ id: Id, atLeast: z.number().optional(), atMost: z.number().optional() })
        .refine((m) => m.atLeast !== undefined || m.atMost !== undefined, {
          error: 'a metric condition needs atLeast or atMost',
        }),
    }),
    z.strictObject({ alert: z.strictObject({ atLeast: AlertLevel }) }),
    z.strictObject({ taskDone: Id }),
  ]),
);

/** Visits every leaf condition with its path below the condition itself. */
export function forEachLeaf(
  condition: Condition,
  visit: (leaf: Condition, path: readonly (string | number)[]) => void,
  path: readonly (string | number)[] = [],
): void {
  if ('all' in condition) condition.all.forEach((c, i) => forEachLeaf(c, visit, [...path, 'all', i]));
  else if ('any' in condition) condition.any.forEach((c, i) => forEachLeaf(c, visit, [...path, 'any', i]));
  else if ('not' in condition) forEachLeaf(condition.not, visit, [...path, 'not']);
  else visit(condition, path);
}

export function conditionDepth(condition: Condition): number {
  if ('all' in condition) return 1 + Math.max(...condition.all.map(conditionDepth));
  if ('any' in condition) return 1 + Math.max(...condition.any.map(conditionDepth));
  if ('not' in condition) return 1 + conditionDepth(condition.not);
  return 1;
}
