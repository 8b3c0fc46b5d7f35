/** Settings kept in the lowdb catalog (rebuildable, so it is fine there: reliability.md §1). */
import { join } from 'node:path';
import { CATALOG_FILE_NAME, emptyCatalog, openCatalog } from '../store/catalog.ts';

export interface AppSettings {
  readonly language: 'en' | 'ko';
  readonly dataDir: string;
  readonly theme: 'dark' | 'projector';
}

export interface SettingsStore {
  get(): Promise<AppSettings>;
  update(patch: Partial<Pick<AppSettings, 'language' | 'theme'>>): Promise<AppSettings>;
}

export async function openSettings(dataDir: string): Promise<SettingsStore> {
  const { db } = await openCatalog(join(dataDir, CATALOG_FILE_NAME), { rebuild: () => emptyCatalog() });
  const read = (): AppSettings => {
    const theme = db.data.settings.preferences?.['theme'];
    return { language: db.data.settings.language, dataDir, theme: theme === 'projector' ? 'projector' : 'dark' };
  };
  return {
    get: () => Promise.resolve(read()),
    async update(patch) {
      await db.update((catalog) => {
        if (patch.language) catalog.settings.language = patch.language;
        if (patch.theme) catalog.settings.preferences = { ...catalog.settings.preferences, theme: patch.theme };
      });
      return read();
    },
  };
}
