import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcutHint, type KeyLike } from '../../renderer/src/shortcuts.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const on = { singleKeys: true, typing: false };

describe('shortcuts', () => {
  it('Ctrl/⌘ +, −, 0 zoom the image (never the window), always', () => {
    const off = { singleKeys: false, typing: true };
    expect(matchShortcut(key('=', { ctrlKey: true }), off)).toBe('zoomIn');
    expect(matchShortcut(key('+', { ctrlKey: true, shiftKey: true }), off)).toBe('zoomIn');
    expect(matchShortcut(key('-', { metaKey: true }), off)).toBe('zoomOut');
    expect(matchShortcut(key('0', { ctrlKey: true }), off)).toBe('fit');
    expect(matchShortcut(key('p', { ctrlKey: true }), off)).toBe('blocked');
    expect(matchShortcut(key('W', { ctrlKey: true, shiftKey: true }), off)).toBe('wipe');
  });

  it('single keys work only when enabled and not while typing', () => {
    expect(matchShortcut(key('r'), on)).toBe('rotateRight');
    expect(matchShortcut(key('R', { shiftKey: true }), on)).toBe('rotateLeft');
    expect(matchShortcut(key('W', { shiftKey: true }), on)).toBe('wipe');
    expect(matchShortcut(key('w'), on)).toBeNull();
    expect(matchShortcut(key('?', { shiftKey: true }), on)).toBe('help');
    expect(matchShortcut(key('r'), { singleKeys: false, typing: false })).toBeNull();
    expect(matchShortcut(key('r'), { singleKeys: true, typing: true })).toBeNull();
    expect(matchShortcut(key('F1'), { singleKeys: false, typing: false })).toBe('help');
  });

  it('Escape is never a wipe (it only leaves the full-window viewer), and Alt combinations are left alone', () => {
    expect(matchShortcut(key('Escape'), on)).toBe('leaveFullWindow');
    expect(matchShortcut(key('Escape'), { singleKeys: false, typing: true })).toBe(
      'leaveFullWindow',
    );
    expect(matchShortcut(key('r', { altKey: true }), on)).toBeNull();
  });
});

describe('the key a tooltip names, from the same table', () => {
  it('names the single key while single keys are on, the Ctrl or named key otherwise', () => {
    expect(shortcutHint('zoomIn', true)).toBe('+');
    expect(shortcutHint('zoomIn', false)).toBe('Ctrl +');
    expect(shortcutHint('zoomOut', true)).toBe('−');
    expect(shortcutHint('rotateLeft', true)).toBe('Shift R');
    expect(shortcutHint('wipe', true)).toBe('Shift W');
    expect(shortcutHint('wipe', false)).toBe('Ctrl Shift W');
    expect(shortcutHint('help', false)).toBe('F1');
  });

  it('names no key for a command whose only key is turned off', () => {
    for (const command of ['rotateRight', 'loupe', 'invert', 'panel', 'fullWindow'] as const) {
      expect(shortcutHint(command, false)).toBeNull();
      // …and the key it names when on is one matchShortcut answers with that command.
      const cap = shortcutHint(command, true) ?? '';
      expect(matchShortcut(key(cap.toLowerCase()), on) ?? matchShortcut(key(cap), on)).toBe(
        command,
      );
    }
  });
});
