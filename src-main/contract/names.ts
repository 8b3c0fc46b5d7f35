/**
 * The contract's channel and push-event names without zod, for the sandboxed preload bundle.
 * A test checks that they equal the keys of `channels` and `pushEvents` in channels.ts.
 */
export const CHANNEL_NAME_LIST = [
  'library:list-scenarios',
  'library:get-scenario',
  'exercise:list',
  'exercise:create',
  'exercise:open',
  'exercise:dispatch',
  'exercise:events-since',
  'display:open',
  'report:export',
  'room:open',
  'room:close',
  'room:status',
  'room:create-seat',
  'room:new-code',
  'room:revoke-seat',
  'seat:view',
  'settings:get',
  'settings:update',
] as const;

export const PUSH_EVENT_NAME_LIST = ['exercise:events', 'exercise:status', 'seat:changed'] as const;

/** Who sits at a seat of the room network (design.md §7). */
export const SEAT_ROLE_NAMES = ['player', 'evaluator', 'observer', 'display'] as const;

/** The formats `report:export` builds (zod-free, so the renderer can list them without the schemas). */
export const REPORT_FORMATS = ['pdf', 'docx', 'html', 'md', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
