/**
 * Keyboard shortcuts of the console. A key does nothing while the person is typing, while a
 * control that Space or Enter would press has focus, or with a modifier held (those belong to the
 * browser and to assistive technology).
 */
import type { MessageKey } from '@core/i18n/translate.ts';

export type ShortcutAction =
  'toggle-clock' | 'release-next' | 'focus-decision' | 'focus-action' | 'focus-alert' | 'focus-msel' | 'help';

export const SHORTCUTS: readonly {
  readonly keys: string;
  readonly action: ShortcutAction;
  readonly label: MessageKey;
}[] = [
  { keys: 'Space', action: 'toggle-clock', label: 'console.shortcut.toggle-clock' },
  { keys: 'R', action: 'release-next', label: 'console.shortcut.release-next' },
  { keys: 'D', action: 'focus-decision', label: 'console.shortcut.focus-decision' },
  { keys: 'L', action: 'focus-action', label: 'console.shortcut.focus-action' },
  { keys: 'A', action: 'focus-alert', label: 'console.shortcut.focus-alert' },
  { keys: 'M', action: 'focus-msel', label: 'console.shortcut.focus-msel' },
  { keys: '?', action: 'help', label: 'console.shortcut.help' },
];

const LETTERS: Readonly<Record<string, ShortcutAction>> = {
  r: 'release-next',
  d: 'focus-decision',
  l: 'focus-action',
  a: 'focus-alert',
  m: 'focus-msel',
};

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly target: EventTarget | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const PRESSABLE = new Set(['BUTTON', 'A', 'SUMMARY']);

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (TYPING.has(target.tagName) || target.isContentEditable);
}

function pressable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (PRESSABLE.has(target.tagName) || target.getAttribute('role') === 'button');
}

export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return null;
  if (event.key === ' ') return pressable(event.target) ? null : 'toggle-clock';
  if (event.key === '?') return 'help';
  return LETTERS[event.key.toLowerCase()] ?? null;
}
