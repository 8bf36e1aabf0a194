import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors.ts';
import { en } from '../../shared/i18n/en.ts';
import { es } from '../../shared/i18n/es.ts';
import { resolveLanguage } from '../../renderer/src/i18n/index.tsx';
import { formatBytes, formatCountdown, formatDateTime } from '../../renderer/src/i18n/format.ts';

type Tree = { [key: string]: unknown };

function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
    } else out.set(path, value);
  }
  return out;
}

describe('dictionaries', () => {
  const english = leaves(en);
  const spanish = leaves(es);

  it('Spanish has exactly the English keys, each with the same kind of value', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of english) {
      const other = spanish.get(key);
      expect(typeof other, key).toBe(typeof value);
      if (typeof value === 'function' && typeof other === 'function') {
        expect(other.length, key).toBe(value.length);
      }
    }
  });

  it('no string is empty, and Spanish is actually translated', () => {
    let same = 0;
    for (const [key, value] of english) {
      if (typeof value !== 'string') continue;
      // The command's words are checked with the command (test/unit/cli/i18n.test.ts).
      if (key.startsWith('cli.')) continue;
      expect(value.trim(), key).not.toBe('');
      expect(String(spanish.get(key)).trim(), key).not.toBe('');
      if (spanish.get(key) === value) same += 1;
    }
    // Names (idlens, English, Español, SHA-256, UTC, 100 %) may stay the same; prose may not.
    expect(same).toBeLessThan(12);
  });

  it('every error code has a specific message and action in both languages', () => {
    const titles = new Set<string>();
    for (const code of ERROR_CODES) {
      for (const dict of [en, es]) {
        expect(dict.errors[code].title.length, code).toBeGreaterThan(10);
        expect(dict.errors[code].action.length, code).toBeGreaterThan(10);
      }
      titles.add(en.errors[code].title);
    }
    expect(titles.size).toBe(ERROR_CODES.length);
  });
});

describe('language choice', () => {
  it('follows the setting when explicit', () => {
    expect(resolveLanguage('es', ['en-US'])).toBe('es');
    expect(resolveLanguage('en', ['es-HN'])).toBe('en');
  });

  it('follows the system for "system": any Spanish locale gives Spanish', () => {
    expect(resolveLanguage('system', ['es-HN', 'en'])).toBe('es');
    expect(resolveLanguage('system', ['es-419'])).toBe('es');
    expect(resolveLanguage('system', ['de-DE', 'es'])).toBe('es');
    expect(resolveLanguage('system', ['en-GB', 'es'])).toBe('en');
    expect(resolveLanguage('system', ['fr-FR'])).toBe('en');
  });
});

describe('formatting', () => {
  it('sizes in each language', () => {
    expect(formatBytes(529_812, 'en')).toBe('529.8 kB');
    expect(formatBytes(2_512_000, 'es')).toBe('2.5 MB');
    expect(formatBytes(12, 'en')).toBe('12 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
  });

  it('countdown as m:ss, never negative', () => {
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('a timestamp in local time and in UTC', () => {
    const parts = formatDateTime('2024-01-15T10:30:00.000Z', 'en');
    expect(parts?.utc).toContain('10:30:00');
    expect(parts?.utc).toMatch(/UTC$/);
    expect(formatDateTime('not a date', 'en')).toBeNull();
  });
});
