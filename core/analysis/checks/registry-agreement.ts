import type { Agreement, MrzRead, RegistryFinding } from '../../../shared/analysis.ts';
import { cannotTell } from '../../../shared/analysis.ts';
import type { Registry } from '../../../shared/ipc.ts';
import { countryCode } from './countries.ts';

/**
 * Does the document agree with the registry? Names, date of birth, sex and nationality, each
 * *agrees / differs / cannot tell* with both values. "Agrees" is only said on positive evidence:
 * a missing or unreadable value is always "cannot tell", never "agrees".
 */

/** ICAO 9303 part 3 §6 transliterations that differ from simply dropping the accent. */
const ICAO_MULTI: Record<string, string> = {
  Ä: 'AE',
  Ö: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Å: 'AA',
  Æ: 'AE',
  Ø: 'OE',
  Œ: 'OE',
  Þ: 'TH',
  Ð: 'D',
  Ĳ: 'IJ',
};

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Name tokens in MRZ letters: both the ICAO transliteration and the accent-stripped form. */
export function nameVariants(name: string): string[][] {
  const upper = name.toUpperCase();
  const icao = stripAccents(upper.replace(/[ÄÖÜßÅÆØŒÞÐĲ]/g, (c) => ICAO_MULTI[c] ?? c));
  const plain = stripAccents(upper);
  const tokens = (s: string) => s.split(/[^A-Z]+/).filter((t) => t.length > 0);
  return [tokens(icao), tokens(plain)];
}

function sameMultiset(a: readonly string[], b: readonly string[], truncatedLast: boolean): boolean {
  if (a.length !== b.length) return false;
  const rest = [...b];
  for (const token of a) {
    let i = rest.indexOf(token);
    // A name cut short by the zone's length leaves a prefix of the real token.
    if (i < 0 && truncatedLast) i = rest.findIndex((r) => r.startsWith(token));
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return true;
}

function item(
  field: Agreement['field'],
  verdict: Agreement['verdict'],
  document: string | null,
  registry: string | null,
  reason?: Agreement['reason'],
): Agreement {
  return { field, verdict, document, registry, ...(reason && { reason }) };
}

function compareName(mrz: MrzRead, registry: Registry): Agreement {
  const last = mrz.fields.lastName?.value ?? null;
  const first = mrz.fields.firstName?.value ?? null;
  const registryName =
    [registry.givenName, registry.surname].filter((s): s is string => !!s).join(' ') ||
    registry.name ||
    null;
  const documentName = [first, last].filter((s): s is string => !!s).join(' ') || null;
  if (!registryName)
    return item('name', 'cannot_tell', documentName, null, 'registry_field_missing');
  if (!documentName) return item('name', 'cannot_tell', null, registryName, 'mrz_field_missing');
  const nameLine = mrz.lines[mrz.format === 'TD1' ? 2 : 0] ?? '';
  const truncated = !nameLine.endsWith('<');
  const mrzTokens = documentName.split(/[^A-Z]+/).filter((t) => t.length > 0);
  const agrees = nameVariants(registryName).some((variant) =>
    sameMultiset(mrzTokens, variant, truncated),
  );
  return agrees
    ? item('name', 'agrees', documentName, registryName)
    : item('name', 'differs', documentName, registryName);
}

function compareBirthDate(mrz: MrzRead, registry: Registry): Agreement {
  const raw = mrz.fields.birthDate?.raw ?? '';
  const dob = registry.dateOfBirth ?? null;
  const match = dob ? /^(\d{4})-(\d{2})-(\d{2})/.exec(dob) : null;
  if (!match) return item('birthDate', 'cannot_tell', raw || null, dob, 'registry_field_missing');
  if (!/^\d{6}$/.test(raw))
    return item('birthDate', 'cannot_tell', raw || null, dob, 'mrz_field_missing');
  // The MRZ holds YYMMDD; compare those digits, never guessing a century.
  const registryYymmdd = `${match[1]?.slice(2)}${match[2]}${match[3]}`;
  const document = `${raw.slice(0, 2)}-${raw.slice(2, 4)}-${raw.slice(4, 6)} (YY-MM-DD)`;
  return registryYymmdd === raw
    ? item('birthDate', 'agrees', document, dob)
    : item('birthDate', 'differs', document, dob);
}

function compareSex(mrz: MrzRead, registry: Registry): Agreement {
  const raw = mrz.fields.sex?.raw ?? '';
  const sex = registry.sex ?? null;
  const wanted: Record<string, string> = {
    male: 'M',
    female: 'F',
    other: 'X',
    m: 'M',
    f: 'F',
    x: 'X',
  };
  const expected = sex ? wanted[sex.trim().toLowerCase()] : undefined;
  if (!expected) return item('sex', 'cannot_tell', raw || null, sex, 'registry_field_missing');
  // ICAO 9303: M, F, or X / < for unspecified.
  const document = raw === '<' ? 'X' : raw;
  if (!['M', 'F', 'X'].includes(document))
    return item('sex', 'cannot_tell', raw || null, sex, 'mrz_field_missing');
  return document === expected
    ? item('sex', 'agrees', document, sex)
    : item('sex', 'differs', document, sex);
}

function compareNationality(mrz: MrzRead, registry: Registry): Agreement {
  const code = mrz.fields.nationality?.raw.replace(/</g, '') ?? '';
  const citizenships = registry.citizenships ?? [];
  const shown = citizenships.length > 0 ? citizenships.join(', ') : null;
  if (citizenships.length === 0)
    return item('nationality', 'cannot_tell', code || null, null, 'registry_field_missing');
  if (code.length !== 3)
    return item('nationality', 'cannot_tell', code || null, shown, 'mrz_field_missing');
  const codes = citizenships.map(countryCode);
  if (codes.includes(code)) return item('nationality', 'agrees', code, shown);
  if (codes.some((c) => c === null))
    return item('nationality', 'cannot_tell', code, shown, 'unknown_country');
  return item('nationality', 'differs', code, shown);
}

export function registryAgreement(
  mrz: MrzRead,
  registry: Registry | null | undefined,
): RegistryFinding {
  if (registry === undefined) return cannotTell('no_registry', 'registry_not_requested');
  if (registry === null) return cannotTell('no_registry', 'registry_empty');
  return {
    status: 'compared',
    items: [
      compareName(mrz, registry),
      compareBirthDate(mrz, registry),
      compareSex(mrz, registry),
      compareNationality(mrz, registry),
    ],
  };
}
