/**
 * The `sitroom` command line: parses arguments and dispatches to one command module each.
 * Usage errors exit 2 with the command's help; bad input exits 1 with a plain message.
 */
import { parseArgs } from 'node:util';
import { validateCommand, validateHelp } from './commands/validate.ts';
import { EXIT, processIo, UsageError } from './io.ts';
import type { CliIo } from './io.ts';

const HELP = `sitroom — offline tabletop exercises for a national crisis task force

Usage: sitroom <command> [options]

Commands:
  validate <file>...   check scenario packages (schema, references, lint)

Run "sitroom <command> --help" for a command's options.`;

interface CommandSpec {
  readonly help: string;
  readonly options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  readonly run: (values: Record<string, unknown>, positionals: string[], io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, CommandSpec> = {
  validate: {
    help: validateHelp,
    options: { json: { type: 'boolean', default: false } },
    run: (values, files, io) => validateCommand({ files, json: values['json'] === true }, io),
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
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return EXIT.ok;
  }
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: command.options ?? {}, allowPositionals: true, strict: true });
    return await command.run(values, positionals, io);
  } catch (error: unknown) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`sitroom ${name}: ${(error as Error).message}\n\n${command.help}`);
      return EXIT.usage;
    }
    // Anything else is a bug in Sitroom, not bad input: say so plainly, keep the detail for a report.
    io.err(`sitroom ${name}: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env['SITROOM_DEBUG']) io.err(error instanceof Error ? (error.stack ?? '') : '');
    return 70;
  }
}
