/**
 * The library screen's data: scenario packages with their validation, the exercises on this
 * machine, and the settings. Each request's failure is kept with its message, shown where it hit.
 */
import type { ResponseOf } from '@contract/channels.ts';
import type { Language } from '@core/scenario/text.ts';
import { api } from '../../lib/api.ts';

export type ScenarioListing = ResponseOf<'library:list-scenarios'>[number];
export type ExerciseListing = ResponseOf<'exercise:list'>[number];
export type Settings = ResponseOf<'settings:get'>;

type Loaded<T> = { readonly kind: 'loading' } | { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'error'; readonly message: string };

export class LibraryStore {
  scenarios = $state.raw<Loaded<readonly ScenarioListing[]>>({ kind: 'loading' });
  exercises = $state.raw<Loaded<readonly ExerciseListing[]>>({ kind: 'loading' });
  settings = $state.raw<Loaded<Settings>>({ kind: 'loading' });
  settingsError = $state<string | null>(null);

  async load(): Promise<void> {
    const client = api();
    const [scenarios, exercises, settings] = await Promise.all([
      client.request('library:list-scenarios', {}),
      client.request('exercise:list', {}),
      client.request('settings:get', {}),
    ]);
    this.scenarios = scenarios.ok ? { kind: 'ok', value: scenarios.value } : { kind: 'error', message: scenarios.error.message };
    this.exercises = exercises.ok
      ? { kind: 'ok', value: [...exercises.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }
      : { kind: 'error', message: exercises.error.message };
    this.settings = settings.ok ? { kind: 'ok', value: settings.value } : { kind: 'error', message: settings.error.message };
  }

  /** Saves the language; the caller switches the screen at once, the setting follows. */
  async saveLanguage(language: Language): Promise<void> {
    const saved = await api().request('settings:update', { language });
    if (saved.ok) {
      this.settings = { kind: 'ok', value: saved.value };
      this.settingsError = null;
    } else {
      this.settingsError = saved.error.message;
    }
  }
}
