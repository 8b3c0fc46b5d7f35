/**
 * Evaluates a scenario condition against the current state. Conditions read only what events
 * change (releases, decisions, service and metric states, alert level, tasks), so "the first
 * scenario time a condition holds" is always the time of the event after which it first held.
 */
import { ALERT_LEVELS, type AlertLevel, type Condition } from '../scenario/conditions.ts';
import { own } from './records.ts';
import type { ExerciseState } from './state.ts';

export function alertRank(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

export function holds(condition: Condition, state: ExerciseState): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, state));
  if ('any' in condition) return condition.any.some((c) => holds(c, state));
  if ('not' in condition) return !holds(condition.not, state);
  if ('released' in condition) return own(state.injects, condition.released)?.status.kind === 'released';
  if ('decided' in condition) {
    // An expired point counts as decided: the default option is what happened.
    const decision = own(state.decisions, condition.decided.point);
    if (decision?.kind !== 'decided' && decision?.kind !== 'expired') return false;
    return condition.decided.option === undefined || decision.option === condition.decided.option;
  }
  if ('service' in condition) {
    return own(state.services, condition.service.id)?.effective === condition.service.state;
  }
  if ('metric' in condition) {
    const metric = own(state.metrics, condition.metric.id);
    if (!metric) return false;
    const { atLeast, atMost } = condition.metric;
    return (atLeast === undefined || metric.value >= atLeast) && (atMost === undefined || metric.value <= atMost);
  }
  if ('alert' in condition) return alertRank(state.alert.level) >= alertRank(condition.alert.atLeast);
  return own(state.tasks, condition.taskDone)?.kind === 'done';
}
