import { states } from 'mrz';

/**
 * ICAO 9303 three-letter codes and their names, from the `mrz` package's table, plus the
 * specimen state "Utopia" (UTO) that ICAO uses on its sample documents (and the demo uses too).
 */

const SPECIMEN_STATES: Record<string, string> = { UTO: 'Utopia' };

export function countryName(code: string): string | null {
  return SPECIMEN_STATES[code] ?? states[code] ?? null;
}

/** Upper-case ASCII letters only, for comparing names of countries. */
function key(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\(.*?\)/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

let byName: Map<string, string> | undefined;

/**
 * A country as the registry writes it — a three-letter code or an English name, perhaps with a
 * parenthesised note — to its ICAO code; null when it is not recognised.
 */
export function countryCode(text: string): string | null {
  const trimmed = text.trim().toUpperCase();
  if (/^[A-Z<]{3}$/.test(trimmed) && countryName(trimmed)) return trimmed;
  if (!byName) {
    byName = new Map();
    for (const [code, name] of Object.entries({
      ...states,
      ...SPECIMEN_STATES,
    })) {
      if (code.length === 3 && !byName.has(key(name))) byName.set(key(name), code);
    }
  }
  return byName.get(key(text)) ?? null;
}
