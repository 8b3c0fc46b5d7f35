/**
 * The exact `sitroom` command lines for moving exercises between rooms, until the app has its own
 * export and import: commands are syntax, so they are built here, not translated.
 */
export interface CliCommand {
  readonly key: 'list' | 'export' | 'import' | 'verify';
  readonly line: string;
}

function quote(path: string): string {
  return /^[A-Za-z0-9_./:\\-]+$/.test(path) ? path : `"${path.replace(/(["\\$`])/g, '\\$1')}"`;
}

export function cliCommands(dataDir: string, placeholders: { readonly id: string; readonly file: string }): readonly CliCommand[] {
  const dir = `--data-dir ${quote(dataDir)}`;
  return [
    { key: 'list', line: `sitroom list ${dir}` },
    { key: 'export', line: `sitroom export ${placeholders.id} --out ${placeholders.file} ${dir}` },
    { key: 'import', line: `sitroom import ${placeholders.file} ${dir}` },
    { key: 'verify', line: `sitroom verify ${placeholders.id} ${dir}` },
  ];
}
