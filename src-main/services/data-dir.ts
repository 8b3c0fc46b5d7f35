/**
 * Where exercises live. The default is the platform's user-data folder — the same folder Electron's
 * `app.getPath('userData')` gives for productName "Sitroom" — so the CLI and the app see the same
 * exercises. `--data-dir` and `SITROOM_DATA_DIR` override it.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Sitroom';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  switch (platform) {
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), PRODUCT_NAME);
  }
}

/** The flag wins over the environment, which wins over the platform default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return resolve(flag);
  const fromEnv = env['SITROOM_DATA_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return defaultDataDir(env);
}
