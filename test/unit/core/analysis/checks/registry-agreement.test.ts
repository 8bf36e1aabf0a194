import { describe, expect, it } from 'vitest';
import type { MrzRead } from '../../../../../shared/analysis.ts';
import type { Registry } from '../../../../../shared/ipc.ts';
import {
  nameVariants,
  registryAgreement,
} from '../../../../../core/analysis/checks/registry-agreement.ts';
import { td1, type MrzPerson } from '../../../../../demo/mrz-lines.ts';
import { zoneOf } from './zone.ts';

function zone(person: Partial<MrzPerson> = {}): MrzRead {
  return zoneOf(
    td1({
      documentCode: 'ID',
      issuingState: 'UTO',
      documentNumber: 'SPC000001',
      surname: 'MUELLER',
      givenNames: 'JOSE MARIA',
      nationality: 'HND',
      birthDate: '900101',
      sex: 'F',
      expiryDate: '340115',
      ...person,
    }),
  );
}

const REGISTRY: Registry = {
  givenName: 'José María',
  surname: 'Müller',
  dateOfBirth: '1990-01-01',
  sex: 'Female',
  citizenships: ['Honduras'],
};

function verdicts(registry: Registry | null | undefined, mrz = zone()) {
  const finding = registryAgreement(mrz, registry);
  if (finding.status !== 'compared') return finding;
  return Object.fromEntries(finding.items.map((i) => [i.field, i.verdict]));
}

describe('registry agreement', () => {
  it('agrees across accents, ICAO transliteration (Ü → UE) and name order', () => {
    expect(verdicts(REGISTRY)).toEqual({
      name: 'agrees',
      birthDate: 'agrees',
      sex: 'agrees',
      nationality: 'agrees',
    });
    expect(nameVariants('Müller')).toContainEqual(['MUELLER']);
  });

  it('says differs, with both values, when the registry says otherwise', () => {
    const finding = registryAgreement(zone(), {
      ...REGISTRY,
      surname: 'Moller',
      dateOfBirth: '1991-01-01',
      sex: 'Male',
      citizenships: ['Germany'],
    });
    expect(finding.status).toBe('compared');
    if (finding.status !== 'compared') return;
    for (const item of finding.items) expect(item.verdict).toBe('differs');
    const name = finding.items.find((i) => i.field === 'name');
    expect(name?.document).toBe('JOSE MARIA MUELLER');
    expect(name?.registry).toBe('José María Moller');
  });

  it('agrees when any citizenship is the document nationality', () => {
    expect(verdicts({ ...REGISTRY, citizenships: ['Germany', 'HND'] })).toMatchObject({
      nationality: 'agrees',
    });
  });

  it('never says agrees for what the registry lacks: cannot tell, with the reason', () => {
    const finding = registryAgreement(zone(), { name: null, citizenships: [] });
    expect(finding.status).toBe('compared');
    if (finding.status !== 'compared') return;
    for (const item of finding.items) {
      expect(item.verdict).toBe('cannot_tell');
      expect(item.reason).toBe('registry_field_missing');
    }
  });

  it('cannot tell a nationality it cannot name', () => {
    expect(verdicts({ ...REGISTRY, citizenships: ['Atlantis'] })).toMatchObject({
      nationality: 'cannot_tell',
    });
  });

  it('cannot tell from a date of birth the zone leaves unknown', () => {
    expect(verdicts(REGISTRY, zone({ birthDate: '90<<<<' }))).toMatchObject({
      birthDate: 'cannot_tell',
    });
  });

  it('without registry data, says why', () => {
    expect(verdicts(undefined)).toMatchObject({ status: 'cannot_tell', reason: 'no_registry' });
    expect(verdicts(null)).toMatchObject({ status: 'cannot_tell', reason: 'no_registry' });
  });
});
