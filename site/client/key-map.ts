// Which key does what (keys.ts does it): `/` search, `j`/`k` next and previous paper, `s` star,
// `?` the list of keys. Decided apart from the DOM so that the rules are tested as data: no key
// is taken while the reader types in a field, nor with Ctrl, Alt or Meta (the browser's and the
// screen reader's own shortcuts), nor when the page already handled it.

export type KeyAction = 'search' | 'next' | 'previous' | 'star' | 'help';

export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  defaultPrevented: boolean;
  /** The focused element's tag name, upper case as the DOM gives it ("INPUT"); "" for none. */
  targetTag: string;
  /** The focused element is editable text (contenteditable). */
  targetEditable: boolean;
};

const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

const ACTIONS: Record<string, KeyAction> = { '/': 'search', j: 'next', k: 'previous', s: 'star', '?': 'help' };

/** The shortcuts, as the `?` list shows them. */
export const KEY_HELP: readonly [key: string, does: string][] = [
  ['/', 'Search'],
  ['j', 'Next paper'],
  ['k', 'Previous paper'],
  ['s', 'Star or unstar the paper (keep it in your reading list)'],
  ['?', 'This list of keys'],
];

export function keyAction(press: KeyPress): KeyAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.defaultPrevented) return null;
  if (FIELDS.has(press.targetTag) || press.targetEditable) return null;
  return ACTIONS[press.key] ?? null;
}

/** The place `step` papers on from `current` (-1: none yet), kept within the list's ends. */
export function moveTo(current: number, step: 1 | -1, count: number): number | null {
  if (count === 0) return null;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + step));
}
