/**
 * Brings the exercise up to a scenario time: releases every inject that became due, expires
 * decision points (taking their default) and records missed timer deadlines, in due-time order.
 *
 * Each event carries the scenario time it was due at, not the time the tick happened to run: an
 * inject scheduled at T+00:40 is released at T+00:40 whether the ticker woke on time or the laptop
 * slept. Items are taken one at a time because each can make another due (a release starts an
 * `after` trigger; an expired default unlocks an inject).
 */
import { assertNever, invariant } from './assert-never.ts';
import { ENGINE_ACTOR, type EventBody } from './events.ts';
import { planOf } from './plan.ts';
import type { Recorder } from './recorder.ts';
import { dueItems, type DueItem } from './schedule.ts';

function bodyFor(item: DueItem): EventBody {
  switch (item.kind) {
    case 'release-inject':
      return { type: 'inject-released', inject: item.inject, manual: false };
    case 'expire-decision':
      return { type: 'decision-expired', point: item.point, option: item.option };
    case 'miss-timer':
      return { type: 'timer-missed', timer: item.timer, deadline: item.due };
    default:
      return assertNever(item, 'due item');
  }
}

export function catchUp(rec: Recorder, target: number): void {
  const plan = planOf(rec.state.scenario);
  // Every item is resolved by its own event and can be due at most once; more rounds is a bug.
  const limit = plan.injects.size + plan.points.size + plan.timers.size + 1;
  for (let round = 0; ; round++) {
    const item = dueItems(rec.state)[0];
    if (item === undefined || item.due > target) return;
    invariant(round < limit, 'catch-up did not settle');
    rec.emit(bodyFor(item), { at: item.due, actor: ENGINE_ACTOR });
  }
}
