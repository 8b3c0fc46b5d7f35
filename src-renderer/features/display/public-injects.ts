/**
 * What the room may see on the projector: released injects marked public (news, social posts,
 * operator statements), newest first. Built field by field, like the engine's need-to-know view,
 * so facilitator notes, expected actions and addressed messages can never reach the wall.
 */
import type { Channel, ExerciseState } from '@core/engine/index.ts';
import type { LocalizedText } from '@core/scenario/text.ts';

export interface PublicInject {
  readonly id: string;
  readonly title: LocalizedText;
  readonly body: LocalizedText;
  readonly channel: Channel;
  readonly from: string;
  readonly releasedAt: number;
  readonly releasedSeq: number;
}

export function publicInjects(state: ExerciseState): readonly PublicInject[] {
  const scenarioInjects = new Map(state.scenario.injects.map((i) => [i.id, i] as const));
  const out: PublicInject[] = [];
  for (const [id, runtime] of Object.entries(state.injects)) {
    if (runtime.status.kind !== 'released') continue;
    const definition = scenarioInjects.get(id) ?? (Object.hasOwn(state.adhoc, id) ? state.adhoc[id] : undefined);
    if (definition?.visibility !== 'public') continue;
    out.push({
      id,
      title: definition.title,
      body: definition.body,
      channel: definition.channel,
      from: definition.from,
      releasedAt: runtime.status.at,
      releasedSeq: runtime.status.seq,
    });
  }
  return out.sort((a, b) => b.releasedSeq - a.releasedSeq);
}
