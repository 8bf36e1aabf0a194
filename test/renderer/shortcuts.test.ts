import { describe, expect, it } from 'vitest';
import { matchShortcut, type KeyLike } from '../../renderer/src/shortcuts.ts';

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
