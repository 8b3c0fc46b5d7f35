/**
 * `sitroom demo`: runs a scripted playthrough of a scenario on a virtual clock and writes a real,
 * verifiable exercise journal. The quickest way to see the engine, the cascade and the record.
 */
import { formatScenarioTime } from '../../core/time.ts';
import { localize } from '../../core/scenario/index.ts';
import { totalUserHoursLost } from '../../core/engine/index.ts';
import type { ExerciseEvent } from '../../core/engine/index.ts';
import { checkPlaythroughAgainst, listPlaythroughs, readPlaythrough } from '../../services/playthrough/load.ts';
import { runPlaythrough } from '../../services/playthrough/run.ts';
import { resolveScenario } from '../../services/scenario-library.ts';
import type { LoadedScenario } from '../../services/scenario-library.ts';
import type { Language } from '../../core/scenario/text.ts';
import { ReportInputError } from '../../services/report/load-exercise.ts';
import { ChromiumMissingError } from '../../services/report/pdf.ts';
import { writeAllReports } from '../../services/report/write-all.ts';
import { EXIT } from '../io.ts';
import type { CliIo } from '../io.ts';
import { ensureOutputDir, OutputError } from './write-output.ts';

export const demoHelp = `Usage: sitroom demo [--scenario ID|FILE] [--playthrough NAME] [--out DIR] [--data-dir DIR] [--quiet]

Runs a scripted exercise (a playthrough shipped with the scenario) on a virtual clock: hours of
scenario time in seconds, with every event decided, hash-chained and fsynced as in a live
exercise. Ends with the exercise id, the number of events, the journal path and the head hash;
check it with "sitroom verify".

  --scenario ID|FILE   default: pangyo-datacenter-fire
  --playthrough NAME   default: strong (each scenario ships strong and weak)
  --out DIR            also write the after-action report in every format (pdf, docx, html, md,
                       json, csv) in English and in the playthrough's language into DIR
  --quiet              print only the summary`;

export async function demoCommand(
  args: { scenario: string; playthrough: string; dataDir: string; quiet: boolean; out?: string | undefined },
  io: CliIo,
): Promise<number> {
  let scenario: LoadedScenario;
  try {
    scenario = await resolveScenario(args.scenario);
  } catch (error) {
    io.err(`demo: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.invalid;
  }
  const id = scenario.scenario.id;
  let loaded;
  try {
    loaded = await readPlaythrough(id, args.playthrough);
    checkPlaythroughAgainst(loaded.playthrough, scenario.scenario, loaded.file);
  } catch (error) {
    const known = await listPlaythroughs(id);
    io.err(`demo: ${error instanceof Error ? error.message : String(error)}${known.length === 0 ? ` (scenario "${id}" ships no playthroughs)` : ''}`);
    return EXIT.invalid;
  }
  const lang = loaded.playthrough.exercise.language;
  const titleOf = (inject: string) => {
    const found = scenario.scenario.injects.find((i) => i.id === inject);
    return found ? localize(found.title, lang) : inject;
  };
  io.out(`demo: ${localize(scenario.scenario.title, lang)} — playthrough "${args.playthrough}" → ${args.dataDir}`);
  const started = performance.now();
  const { session, refused } = await runPlaythrough(scenario, loaded.playthrough, {
    dataDir: args.dataDir,
    onEvent: (event) => {
      if (args.quiet) return;
      const line = describe(event, titleOf);
      if (line !== null) io.out(`${formatScenarioTime(event.scenarioTime).padEnd(9)} #${String(event.seq).padEnd(5)} ${line}`);
    },
  });
  for (const r of refused) io.err(`refused step ${r.step}: ${r.message}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const state = session.state;
  const released = Object.values(state.injects).filter((i) => i.status.kind === 'released').length;
  io.out('');
  io.out(`exercise   ${session.id}`);
  io.out(`events     ${state.lastSeq} (${released} injects released, ${Math.round(totalUserHoursLost(state)).toLocaleString('en')} user-hours lost) in ${seconds} s`);
  io.out(`journal    ${session.journalPath}`);
  io.out(`head       ${session.head.hash}`);
  await session.close();
  if (args.out !== undefined) {
    const languages = [...new Set<Language>([lang, 'en'])];
    try {
      await ensureOutputDir(args.out);
      const written = await writeAllReports({ dataDir: args.dataDir, exerciseId: session.id, languages, outDir: args.out });
      io.out('');
      for (const w of written) io.out(`report     ${w.path} (${w.bytes.toLocaleString('en')} bytes)`);
    } catch (error) {
      if (error instanceof OutputError || error instanceof ChromiumMissingError || error instanceof ReportInputError) {
        io.err(`demo: ${error.message}`);
        return EXIT.invalid;
      }
      throw error;
    }
  }
  return refused.length === 0 ? EXIT.ok : EXIT.invalid;
}

function describe(event: ExerciseEvent, titleOf: (id: string) => string): string | null {
  switch (event.type) {
    case 'exercise-started':
      return 'StartEx';
    case 'exercise-ended':
      return 'EndEx';
    case 'clock-paused':
      return 'clock paused';
    case 'clock-resumed':
      return 'clock resumed';
    case 'inject-released':
      return `released   ${event.inject}: ${titleOf(event.inject)}${event.manual ? ' (by hand)' : ''}`;
    case 'decision-recorded':
      return `decided    ${event.cell}: ${event.choice ? `${event.choice.point} → ${event.choice.option}` : event.text.slice(0, 60)}`;
    case 'decision-expired':
      return `expired    ${event.point} → default ${event.option}`;
    case 'timer-missed':
      return `MISSED     timer ${event.timer}`;
    case 'alert-level-changed':
      return `alert      ${event.level}`;
    case 'hq-activated':
      return `HQ up      ${event.hq}`;
    case 'hq-deactivated':
      return `HQ down    ${event.hq}`;
    case 'action-logged':
      return event.tasks.length > 0 ? `action     ${event.cell}: ${event.tasks.join(', ')}` : null;
    case 'target-rated':
      return `rated      ${event.target}: ${event.rating}`;
    default:
      return null;
  }
}
