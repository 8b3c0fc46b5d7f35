/**
 * A small scenario that exercises every engine feature: four player/control cells and two
 * personas, four services with hard and soft dependencies, two metrics, a statutory and a plan
 * timer, one module, nine injects (scheduled, `after`, `when`, locked, contingency, cancellable)
 * and two decision points that unlock and cancel injects.
 *
 * Untouched, the timeline is:
 *   T+00:10 I-01 fire: dc-power down → login, messaging down (hard), pay degraded (soft);
 *           timers notice-2h (messaging down) and report-30m (I-01 released) start
 *   T+00:25 I-02 (after I-01 + 15m): misinformation 10 → 35, so I-04's `when` holds at T+00:25
 *   T+00:35 I-04 (when + 10m) opens D-notice, due T+01:05
 *   T+00:40 report-30m missed; I-03 opens D-alert, due T+01:00
 *   T+01:00 D-alert expires → default "hold" (I-05 stays locked)
 *   T+01:05 D-notice expires → default "silent"
 *   T+01:30 I-06 backup power: dc-power degraded
 *   T+02:00 I-07 outrage (cancelled if D-notice → notify)
 *   T+02:10 notice-2h missed
 *   T+03:00 I-09 power restored
 *   I-05 (locked, at T+01:00) only after D-alert → raise; I-08 contingency only by hand.
 */
import { Scenario, type ScenarioInput } from '../../../src-main/core/scenario/schema.ts';

export const fixtureInput: ScenarioInput = {
  schemaVersion: 1,
  id: 'pangyo-lite',
  title: { en: 'Data-center fire (test)', ko: '데이터센터 화재 (시험)' },
  summary: 'A fire cuts power to a data center hosting a messaging platform.',
  background: 'Background for the situation manual.',
  hazard: 'Data-center fire',
  marking: { classification: 'EXERCISE // UNCLASSIFIED' },
  t0: '2026-05-12T09:00:00+09:00',
  span: '4h',
  cells: [
    { id: 'ctrl', name: 'Control', agency: 'Exercise control', kind: 'control', role: 'control' },
    { id: 'msit', name: 'MSIT', agency: 'Ministry of Science and ICT', kind: 'ministry', role: 'player' },
    { id: 'nis', name: 'NIS', agency: 'National Intelligence Service', kind: 'intelligence', role: 'player' },
    { id: 'mnd', name: 'MND', agency: 'Ministry of National Defense', kind: 'military', role: 'player' },
    { id: 'kakao', name: 'Platform operator', agency: 'Platform operator', kind: 'operator', role: 'persona' },
    { id: 'press', name: 'Press', agency: 'News media', kind: 'media', role: 'persona' },
  ],
  headquarters: [{ id: 'hq-msit', name: 'Broadcasting & Communications Disaster HQ', lead: 'msit' }],
  capabilities: [
    { id: 'opcoord', name: 'Operational Coordination' },
    { id: 'pubinfo', name: 'Public Information and Warning' },
  ],
  objectives: [{ id: 'obj1', title: 'Coordinate the national response' }],
  targets: [
    { id: 'tgt-report', objective: 'obj1', capability: 'opcoord', text: 'Report within 30 minutes', source: 'Plan' },
    { id: 'tgt-notice', objective: 'obj1', capability: 'pubinfo', text: 'Notify users within 2 hours', source: 'Act' },
  ],
  tasks: [
    {
      id: 'task-report',
      target: 'tgt-report',
      text: 'Report to MSIT',
      cells: ['msit'],
      due: { after: { released: 'I-01' }, within: '30m' },
    },
    {
      id: 'task-notice',
      target: 'tgt-notice',
      text: 'Notify users',
      cells: ['msit'],
      due: { after: 'start', within: '2h' },
    },
    {
      id: 'task-alert',
      target: 'tgt-report',
      text: 'Issue an alert',
      cells: ['msit'],
      due: { after: { released: 'I-03' }, within: '20m' },
    },
    {
      id: 'task-assess',
      target: 'tgt-report',
      text: 'Assess threat',
      cells: ['nis'],
      due: { after: 'start', within: '1h' },
    },
  ],
  services: [
    { id: 'dc-power', name: 'Data-center power', users: 0 },
    { id: 'login', name: 'Account login', users: 1000, dependsOn: [{ service: 'dc-power', kind: 'hard' }] },
    { id: 'messaging', name: 'Messaging', users: 4000, dependsOn: [{ service: 'login', kind: 'hard' }] },
    { id: 'pay', name: 'Payments', users: 2000, dependsOn: [{ service: 'login', kind: 'soft' }] },
  ],
  metrics: [
    { id: 'trust', name: 'Public trust', min: 0, max: 100, initial: 60, better: 'higher' },
    { id: 'misinfo', name: 'Misinformation', min: 0, max: 100, initial: 10, better: 'lower' },
  ],
  timers: [
    {
      id: 'notice-2h',
      name: '2-hour user notice',
      basis: 'statute',
      source: 'Telecommunications Business Act',
      start: { service: { id: 'messaging', state: 'down' } },
      limit: '2h',
      satisfiedBy: ['task-notice'],
    },
    {
      id: 'report-30m',
      name: 'Report to the lead ministry',
      basis: 'plan',
      source: 'Disaster plan',
      start: { released: 'I-01' },
      limit: '30m',
      satisfiedBy: ['task-report'],
    },
  ],
  modules: [{ id: 'M1', title: 'Outage', from: 'T+00:00', to: 'T+04:00' }],
  injects: [
    {
      id: 'I-01',
      title: 'Fire in the data center',
      module: 'M1',
      at: 'T+00:10',
      type: 'event',
      channel: 'operator-statement',
      from: 'kakao',
      to: ['msit', 'nis'],
      body: 'A fire broke out in the battery room; power is cut.',
      effects: { services: [{ id: 'dc-power', state: 'down' }] },
      expects: ['task-report'],
      notes: 'FACILITATOR ONLY: if nobody reports, prompt MSIT.',
    },
    {
      id: 'I-02',
      title: 'Rumours spread',
      module: 'M1',
      trigger: { after: 'I-01', delay: '15m' },
      type: 'media',
      channel: 'news',
      from: 'press',
      to: ['msit'],
      visibility: 'public',
      body: 'Social media claims a cyber attack.',
      effects: { metrics: [{ id: 'misinfo', delta: 25 }] },
    },
    {
      id: 'I-03',
      title: 'Alert level?',
      module: 'M1',
      at: 'T+00:40',
      type: 'event',
      channel: 'sitrep',
      from: 'ctrl',
      to: ['msit'],
      body: 'Decide whether to raise the crisis alert level.',
      decision: {
        id: 'D-alert',
        prompt: 'Raise the alert level?',
        cells: ['msit'],
        due: '20m',
        default: 'hold',
        options: [
          {
            id: 'raise',
            label: 'Raise to caution and convene the HQ',
            score: 90,
            rationale: 'Doctrine calls for an early alert.',
            effects: { metrics: [{ id: 'trust', delta: 10 }] },
            unlocks: ['I-05'],
            completes: ['task-alert'],
          },
          {
            id: 'hold',
            label: 'Wait for more information',
            score: 30,
            rationale: 'Delay costs trust.',
            effects: { metrics: [{ id: 'trust', delta: -10 }] },
          },
        ],
      },
    },
    {
      id: 'I-04',
      title: 'Misinformation peaks',
      module: 'M1',
      trigger: {
        when: { all: [{ released: 'I-02' }, { metric: { id: 'misinfo', atLeast: 30 } }] },
        delay: '10m',
      },
      type: 'informational',
      channel: 'intel-brief',
      from: 'nis',
      to: ['msit', 'nis'],
      body: 'Foreign accounts amplify the rumour.',
      decision: {
        id: 'D-notice',
        prompt: 'Notify the public now?',
        cells: ['msit', 'nis'],
        due: '30m',
        default: 'silent',
        options: [
          {
            id: 'notify',
            label: 'Publish a user notice',
            score: 95,
            rationale: 'The statute requires notice within 2 hours.',
            effects: {
              metrics: [
                { id: 'trust', delta: 5 },
                { id: 'misinfo', delta: -10 },
              ],
            },
            cancels: ['I-07'],
            completes: ['task-notice'],
          },
          {
            id: 'silent',
            label: 'Stay silent',
            score: 10,
            rationale: 'Silence feeds rumours.',
            effects: { metrics: [{ id: 'trust', delta: -15 }] },
          },
        ],
      },
    },
    {
      id: 'I-05',
      title: 'HQ convened',
      module: 'M1',
      at: 'T+01:00',
      locked: true,
      type: 'administrative',
      channel: 'sitrep',
      from: 'ctrl',
      to: ['msit', 'mnd'],
      body: 'The disaster HQ meets.',
    },
    {
      id: 'I-06',
      title: 'Backup power',
      module: 'M1',
      at: 'T+01:30',
      type: 'event',
      channel: 'operator-statement',
      from: 'kakao',
      to: ['msit'],
      body: 'Generators carry part of the load.',
      effects: { services: [{ id: 'dc-power', state: 'degraded' }] },
    },
    {
      id: 'I-07',
      title: 'Public outrage',
      module: 'M1',
      at: 'T+02:00',
      type: 'media',
      channel: 'social',
      from: 'press',
      to: ['all'],
      body: 'Users are furious at the silence.',
      effects: { metrics: [{ id: 'trust', delta: -20 }] },
    },
    {
      id: 'I-08',
      title: 'Military networks check',
      module: 'M1',
      type: 'contingency',
      contingency: true,
      channel: 'phone',
      from: 'ctrl',
      to: ['mnd'],
      body: 'Confirm military networks are unaffected.',
    },
    {
      id: 'I-09',
      title: 'Power restored',
      module: 'M1',
      at: 'T+03:00',
      type: 'event',
      channel: 'operator-statement',
      from: 'kakao',
      to: ['all'],
      body: 'Mains power is back.',
      effects: { services: [{ id: 'dc-power', state: 'up' }] },
    },
  ],
};

export const fixture: Scenario = Scenario.parse(fixtureInput);
