/**
 * The keyboard map. One table drives both the key handling and the help overlay, so the list a
 * person reads is the list that works. Single-character shortcuts (WCAG 2.1.4) can be turned
 * off in settings; shortcuts with Ctrl/⌘ always work. Ctrl +/−/0 zoom the image; print and save
 * are caught on every screen so the window never prints or saves itself. The whole page zooms
 * with Ctrl+Shift +/−/0, which main handles before the page sees the keys (page-zoom.ts).
 */

export type Command =
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'actual'
  | 'rotateRight'
  | 'rotateLeft'
  | 'loupe'
  | 'invert'
  | 'resetAdjust'
  | 'nextImage'
  | 'prevImage'
  | 'compare'
  | 'fullWindow'
  | 'leaveFullWindow'
  | 'panel'
  | 'wipe'
  | 'help'
  /** Print, save, select-all of the page: swallowed. */
  | 'blocked';

interface Binding {
  command: Command;
  /** `KeyboardEvent.key` values, compared case-sensitively (Shift+R gives "R"). */
  keys: readonly string[];
  ctrl: boolean;
  /** Required Shift state; undefined: either. */
  shift?: boolean;
}

const BINDINGS: readonly Binding[] = [
  // With Ctrl/⌘: always on.
  { command: 'zoomIn', keys: ['=', '+'], ctrl: true },
  { command: 'zoomOut', keys: ['-', '_'], ctrl: true },
  { command: 'fit', keys: ['0'], ctrl: true },
  { command: 'wipe', keys: ['W', 'w'], ctrl: true, shift: true },
  { command: 'blocked', keys: ['p', 'P', 's', 'S'], ctrl: true },
  { command: 'help', keys: ['F1'], ctrl: false },
  // Single keys: only when enabled, and never while typing in a field.
  { command: 'zoomIn', keys: ['=', '+'], ctrl: false },
  { command: 'zoomOut', keys: ['-'], ctrl: false },
  { command: 'fit', keys: ['0'], ctrl: false },
  { command: 'actual', keys: ['1'], ctrl: false },
  { command: 'rotateRight', keys: ['r'], ctrl: false, shift: false },
  { command: 'rotateLeft', keys: ['R'], ctrl: false, shift: true },
  { command: 'loupe', keys: ['l', 'L'], ctrl: false },
  { command: 'invert', keys: ['i', 'I'], ctrl: false },
  { command: 'resetAdjust', keys: ['x', 'X'], ctrl: false },
  { command: 'nextImage', keys: [']', 'PageDown'], ctrl: false },
  { command: 'prevImage', keys: ['[', 'PageUp'], ctrl: false },
  { command: 'compare', keys: ['c', 'C'], ctrl: false },
  { command: 'fullWindow', keys: ['f', 'F'], ctrl: false },
  { command: 'leaveFullWindow', keys: ['Escape'], ctrl: false },
  { command: 'panel', keys: ['b', 'B'], ctrl: false },
  { command: 'wipe', keys: ['W'], ctrl: false, shift: true },
  { command: 'help', keys: ['?'], ctrl: false },
];

/** Keys that are not "single character" shortcuts even without a modifier. */
const NAMED_KEYS = new Set(['F1', 'PageDown', 'PageUp', 'Escape']);

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function matchShortcut(
  event: KeyLike,
  options: { singleKeys: boolean; typing: boolean },
): Command | null {
  if (event.altKey) return null;
  const ctrl = event.ctrlKey || event.metaKey;
  for (const binding of BINDINGS) {
    if (binding.ctrl !== ctrl) continue;
    if (!binding.keys.includes(event.key)) continue;
    if (binding.shift !== undefined && binding.shift !== event.shiftKey) continue;
    const single = !ctrl && !NAMED_KEYS.has(event.key);
    if (single && (!options.singleKeys || options.typing)) return null;
    return binding.command;
  }
  return null;
}

/** How a key reads on a key cap (and in a tooltip). */
const KEY_CAPS: Readonly<Record<string, string>> = {
  '=': '+',
  '-': '−',
  Escape: 'Esc',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
};

function capOf(binding: Binding): string {
  const key = binding.keys[0] ?? '';
  const cap = KEY_CAPS[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [binding.ctrl ? 'Ctrl' : '', binding.shift ? 'Shift' : '', cap]
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The key a button's tooltip names for its command, from the same table that handles the keys:
 * the single key when single-key shortcuts are on, otherwise the Ctrl/⌘ or named key that still
 * works, otherwise none (the tooltip then names no key, as none would do anything).
 */
export function shortcutHint(command: Command, singleKeys: boolean): string | null {
  const bindings = BINDINGS.filter((b) => b.command === command);
  const single = (b: Binding) => !b.ctrl && !NAMED_KEYS.has(b.keys[0] ?? '');
  const chosen =
    (singleKeys ? bindings.find(single) : undefined) ?? bindings.find((b) => !single(b));
  return chosen ? capOf(chosen) : null;
}

/** Whether keyboard focus is somewhere keys type text (single keys must not fire there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

/** Rows of the help overlay: key caps and the dictionary key of the description. */
export type HelpKey =
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'actual'
  | 'pan'
  | 'panFast'
  | 'wheel'
  | 'drag'
  | 'rotate'
  | 'loupe'
  | 'invert'
  | 'resetAdjust'
  | 'nextImage'
  | 'compare'
  | 'fullWindow'
  | 'panel'
  | 'wipe'
  | 'pageZoom'
  | 'help'
  | 'closeDialog';

/** A key cap: a key's name (the same in every language) or a word from the dictionary. */
export type KeyCap = string | { word: 'keyWheel' | 'keyDrag' };

export interface HelpRow {
  keys: readonly KeyCap[];
  label: HelpKey;
  /** True when the row works only with single-key shortcuts on. */
  single: boolean;
}

export const HELP_SECTIONS: readonly {
  title: 'sectionViewer' | 'sectionImages' | 'sectionApp';
  rows: readonly HelpRow[];
}[] = [
  {
    title: 'sectionViewer',
    rows: [
      { keys: ['+', 'Ctrl +'], label: 'zoomIn', single: false },
      { keys: ['−', 'Ctrl −'], label: 'zoomOut', single: false },
      { keys: ['0', 'Ctrl 0'], label: 'fit', single: false },
      { keys: ['1'], label: 'actual', single: true },
      { keys: ['←', '↑', '→', '↓'], label: 'pan', single: false },
      { keys: ['Shift', '← ↑ → ↓'], label: 'panFast', single: false },
      { keys: [{ word: 'keyWheel' }], label: 'wheel', single: false },
      { keys: [{ word: 'keyDrag' }], label: 'drag', single: false },
      { keys: ['R', 'Shift R'], label: 'rotate', single: true },
      { keys: ['L'], label: 'loupe', single: true },
      { keys: ['I'], label: 'invert', single: true },
      { keys: ['X'], label: 'resetAdjust', single: true },
    ],
  },
  {
    title: 'sectionImages',
    rows: [
      { keys: [']', '['], label: 'nextImage', single: true },
      { keys: ['C'], label: 'compare', single: true },
      { keys: ['F', 'Esc'], label: 'fullWindow', single: true },
      { keys: ['B'], label: 'panel', single: true },
    ],
  },
  {
    title: 'sectionApp',
    rows: [
      { keys: ['Ctrl Shift W', 'Shift W'], label: 'wipe', single: false },
      { keys: ['Ctrl Shift +', 'Ctrl Shift −', 'Ctrl Shift 0'], label: 'pageZoom', single: false },
      { keys: ['?', 'F1'], label: 'help', single: false },
      { keys: ['Esc'], label: 'closeDialog', single: false },
    ],
  },
];
