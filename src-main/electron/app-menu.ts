/**
 * The application menu. Electron's default menu has a Help menu whose items call
 * shell.openExternal to electronjs.org — a path to the internet from a room that has none — so the
 * default is always replaced: role items only (no click handlers), no Help. Windows and Linux get
 * no menu at all in a packaged build; macOS keeps the app/edit/window menus its shortcuts
 * (quit, copy, paste) live in.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
): MenuItemConstructorOptions[] | null {
  const development: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'viewMenu' }];
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, ...development, { role: 'windowMenu' }];
  if (isPackaged) return null;
  return [{ role: 'fileMenu' }, { role: 'editMenu' }, ...development];
}
