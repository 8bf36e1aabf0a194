import { describe, expect, it } from 'vitest';
import { documentFacts, expiryStatus } from '../../../../../core/analysis/checks/document-facts.ts';
import { zoneOf } from './zone.ts';
import { td1, td3, type MrzPerson } from '../../../../../demo/mrz-lines.ts';

const PERSON: MrzPerson = {
  documentCode: 'ID',
  issuingState: 'HND',
  documentNumber: 'SPC000001',
  surname: 'SPECIMEN',
  givenNames: 'ALEX',
  nationality: 'HND',
  birthDate: '900101',
  sex: 'M',
  expiryDate: '270115',
};

describe('document facts', () => {
  it('expiry: valid, within 90 days, expired', () => {
    expect(expiryStatus('2027-01-15', new Date('2026-06-01T00:00:00Z'))).toBe('valid');
    expect(expiryStatus('2027-01-15', new Date('2026-11-29T00:00:00Z'))).toBe(
      'expires_within_90_days',
    );
    expect(expiryStatus('2027-01-15', new Date('2027-01-15T12:00:00Z'))).toBe(
      'expires_within_90_days',
    );
    expect(expiryStatus('2027-01-15', new Date('2027-01-16T00:00:00Z'))).toBe('expired');
  });

  it('an ID card from its TD1 zone: type, country, expiry today and at the session', () => {
    const facts = documentFacts(zoneOf(td1(PERSON)), {
      today: new Date('2026-11-29T00:00:00Z'),
      sessionDate: new Date('2024-01-15T10:30:00Z'),
      hasBack: true,
    });
    expect(facts).toEqual({
      type: 'id_card',
      issuingCountry: { code: 'HND', name: 'Honduras' },
      expiry: {
        status: 'known',
        date: '2027-01-15',
        today: 'expires_within_90_days',
        atSession: 'valid',
      },
      backMissing: false,
    });
  });

  it('a passport from its TD3 zone; an expired one says so', () => {
    const facts = documentFacts(
      zoneOf(td3({ ...PERSON, documentCode: 'P', expiryDate: '200101' })),
      {
        today: new Date('2026-11-29T00:00:00Z'),
        sessionDate: null,
        hasBack: false,
      },
    );
    expect(facts.type).toBe('passport');
    expect(facts.expiry).toMatchObject({
      today: 'expired',
      atSession: { status: 'cannot_tell', reason: 'no_session_date' },
    });
    expect(facts.backMissing).toBe(false);
  });

  it('flags a TD1 card whose back was not provided', () => {
    const facts = documentFacts(zoneOf(td1(PERSON)), {
      today: new Date('2026-11-29T00:00:00Z'),
      sessionDate: null,
      hasBack: false,
    });
    expect(facts.backMissing).toBe(true);
  });
});
