/**
 * The `sitroom` command line: parses arguments and dispatches to one command module each.
 * Usage errors exit 2 with the command's help; bad input exits 1 with a plain message.
 *
 * Each command's module is imported only when that command runs: through tsx, loading all of them
 * (the report's docx, the server, the scenario schema…) was most of `sitroom serve`'s start-up.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../services/data-dir.ts';
import { EXIT, processIo, UsageError } from './io.ts';
import type { CliIo } from './io.ts';

const HELP = `sitroom — offline tabletop exercises for a national crisis task force

Usage: sitroom <command> [options]

Commands:
  validate <file>...     check scenario packages (schema, references, lint)
  demo                   run a scripted exercise on a virtual clock and write its journal
  verify <exercise>      check an exercise journal's hash chain (folder, id or archive)
  report <exercise>      write the after-action report (pdf, docx, html, md, json, csv)
  pack <scenario>        print the exercise pack: situation manual, inject cards, EEGs, feedback form
  list                   list the exercises in the data directory
  export <id> --out F    write an exercise archive (.sitroom) to carry to another machine
  import F.sitroom       verify an archive, then add its exercise
  serve [--port N]       serve the app on 127.0.0.1 for a browser

The data directory is --data-dir, else SITROOM_DATA_DIR, else the platform's user-data folder.

Run "sitroom <command> --help" for a command's options.`;

interface LoadedCommand {
  readonly help: string;
  readonly run: (values: Record<string, unknown>, positionals: string[], io: CliIo) => Promise<number>;
}

interface CommandSpec {
  readonly options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  readonly load: () => Promise<LoadedCommand>;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const dataDirOf = (values: Record<string, unknown>) => resolveDataDir(str(values['data-dir']));
const DATA_DIR = { 'data-dir': { type: 'string' } } as const;

const COMMANDS: Record<string, CommandSpec> = {
  validate: {
    options: { json: { type: 'boolean', default: false } },
    load: async () => {
      const { validateCommand, validateHelp } = await import('./commands/validate.ts');
      return {
        help: validateHelp,
        run: (values, files, io) => validateCommand({ files, json: values['json'] === true }, io),
      };
    },
  },
  demo: {
    options: {
      scenario: { type: 'string' },
      playthrough: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      ...DATA_DIR,
    },
    load: async () => {
      const { demoCommand, demoHelp } = await import('./commands/demo.ts');
      return {
        help: demoHelp,
        run: (values, rest, io) => {
          if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0] ?? ''}"`);
          return demoCommand(
            {
              scenario: str(values['scenario']) ?? 'pangyo-datacenter-fire',
              playthrough: str(values['playthrough']) ?? 'strong',
              dataDir: dataDirOf(values),
              quiet: values['quiet'] === true,
              out: str(values['out']),
            },
            io,
          );
        },
      };
    },
  },
  verify: {
    options: { head: { type: 'string' }, ...DATA_DIR },
    load: async () => {
      const { verifyCommand, verifyHelp } = await import('./commands/verify.ts');
      return {
        help: verifyHelp,
        run: (values, [target], io) =>
          verifyCommand({ target, head: str(values['head']), dataDir: dataDirOf(values) }, io),
      };
    },
  },
  report: {
    options: { format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, ...DATA_DIR },
    load: async () => {
      const { reportCommand, reportHelp } = await import('./commands/report.ts');
      return {
        help: reportHelp,
        run: (values, [target, extra], io) => {
          if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
          return reportCommand(
            {
              target,
              format: str(values['format']),
              lang: str(values['lang']),
              out: str(values['out']),
              dataDir: dataDirOf(values),
            },
            io,
          );
        },
      };
    },
  },
  pack: {
    options: { out: { type: 'string' }, lang: { type: 'string' } },
    load: async () => {
      const { packCommand, packHelp } = await import('./commands/pack.ts');
      return {
        help: packHelp,
        run: (values, [scenario, extra], io) => {
          if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
          return packCommand({ scenario, out: str(values['out']), lang: str(values['lang']) }, io);
        },
      };
    },
  },
  list: {
    options: { ...DATA_DIR },
    load: async () => {
      const { listCommand, listHelp } = await import('./commands/exercises.ts');
      return {
        help: listHelp,
        run: (values, _rest, io) => listCommand({ dataDir: dataDirOf(values) }, io),
      };
    },
  },
  export: {
    options: { out: { type: 'string' }, ...DATA_DIR },
    load: async () => {
      const { exportCommand, exportHelp } = await import('./commands/exercises.ts');
      return {
        help: exportHelp,
        run: (values, [id], io) => exportCommand({ id, out: str(values['out']), dataDir: dataDirOf(values) }, io),
      };
    },
  },
  serve: {
    options: { port: { type: 'string' }, ...DATA_DIR },
    load: async () => {
      const { serveCommand, serveHelp } = await import('./commands/serve.ts');
      return {
        help: serveHelp,
        run: (values, _rest, io) => serveCommand({ port: str(values['port']), dataDir: dataDirOf(values) }, io),
      };
    },
  },
  import: {
    options: { ...DATA_DIR },
    load: async () => {
      const { importCommand, importHelp } = await import('./commands/exercises.ts');
      return {
        help: importHelp,
        run: (values, [file], io) => importCommand({ file, dataDir: dataDirOf(values) }, io),
      };
    },
  },
};

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`sitroom: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  const loaded = await command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(loaded.help);
    return EXIT.ok;
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    });
    return await loaded.run(values, positionals, io);
  } catch (error: unknown) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`sitroom ${name}: ${(error as Error).message}\n\n${loaded.help}`);
      return EXIT.usage;
    }
    // Anything else is a bug in Sitroom, not bad input: say so plainly, keep the detail for a report.
    io.err(`sitroom ${name}: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env['SITROOM_DEBUG']) io.err(error instanceof Error ? (error.stack ?? '') : '');
    return 70;
  }
}
