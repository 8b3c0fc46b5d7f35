/**
 * The one origin the app trusts. Every navigation, IPC sender and protocol request is compared
 * against it by parsing, never by string prefix: `app://sitroom.evil/` starts with `app://sitroom`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sitroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` belongs to the app origin: scheme `app:`, host exactly `sitroom`, no port, no
 * credentials. Node's URL reports `origin === 'null'` for non-special schemes, so the parts are
 * compared one by one. Anything unparsable is refused.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  );
}
