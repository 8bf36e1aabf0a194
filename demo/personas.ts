/**
 * The demo backend's people. The user name typed on the login page picks one; each stands for a
 * case the id-verification endpoint reference describes. All data here is invented SPECIMEN data.
 */

export type Persona =
  | 'full'
  | 'passport'
  | 'portrait'
  | 'unverified'
  | 'noscope'
  | 'broken'
  | 'shortlived'
  | 'impostor';

export const PERSONAS: readonly Persona[] = [
  'full',
  'passport',
  'portrait',
  'unverified',
  'noscope',
  'broken',
  'shortlived',
  'impostor',
];

export function isPersona(value: string): value is Persona {
  return (PERSONAS as readonly string[]).includes(value);
}

/** Account ids (`sub`) are `demo-<persona>`. */
export function accountIdFor(persona: Persona): string {
  return `demo-${persona}`;
}

export function personaFromAccountId(accountId: string): Persona | undefined {
  const name = accountId.startsWith('demo-') ? accountId.slice('demo-'.length) : '';
  return isPersona(name) ? name : undefined;
}

export type DocumentType = 'passport' | 'national_id';

/** What the id-verification endpoint reports for a persona (besides the signed URLs). */
export interface VerificationSession {
  id: string;
  date: string;
  documentType: DocumentType;
  hasBack: boolean;
}

export interface PersonaProfile {
  /** One line shown on the login page and printed by `demo:server`. */
  summary: string;
  name: string;
  givenName: string;
  familyName: string;
  email: string;
  /** null: never verified (the API answers with every field null). */
  session: VerificationSession | null;
}

export const PERSONA_PROFILES: Record<Persona, PersonaProfile> = {
  full: {
    summary: 'approved national ID: front, back and selfie',
    givenName: 'Alex',
    familyName: 'Specimen',
    name: 'Alex Specimen',
    email: 'full@demo.idlens.invalid',
    session: {
      id: '3f1c2a9e-5b7d-4e8a-9c01-0d2e4f6a8b10',
      date: '2024-01-15T10:30:00.000Z',
      documentType: 'national_id',
      hasBack: true,
    },
  },
  passport: {
    summary: 'approved passport: front and selfie, no back',
    givenName: 'Pat',
    familyName: 'Specimen',
    name: 'Pat Specimen',
    email: 'passport@demo.idlens.invalid',
    session: {
      id: '7a2b4c6d-8e0f-4a1b-8c3d-5e7f9a1b3c5d',
      date: '2024-03-02T08:05:41.250Z',
      documentType: 'passport',
      hasBack: false,
    },
  },
  portrait: {
    summary:
      'approved passport; the selfie is a phone photo stored landscape with EXIF orientation 6',
    givenName: 'Rae',
    familyName: 'Specimen',
    name: 'Rae Specimen',
    email: 'portrait@demo.idlens.invalid',
    session: {
      id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
      date: '2024-06-18T14:22:07.000Z',
      documentType: 'passport',
      hasBack: false,
    },
  },
  unverified: {
    summary: 'never verified: every field is null',
    givenName: 'Uma',
    familyName: 'Specimen',
    name: 'Uma Specimen',
    email: 'unverified@demo.idlens.invalid',
    session: null,
  },
  noscope: {
    summary: 'consent never grants the id-verification scope: the API answers missing_scopes',
    givenName: 'Noor',
    familyName: 'Specimen',
    name: 'Noor Specimen',
    email: 'noscope@demo.idlens.invalid',
    session: {
      id: '0b9e8d7c-6f5a-4b3c-9d2e-1f0a9b8c7d6e',
      date: '2024-02-20T16:45:12.000Z',
      documentType: 'national_id',
      hasBack: true,
    },
  },
  broken: {
    summary: 'the API fails with 500 Internal server error',
    givenName: 'Bo',
    familyName: 'Specimen',
    name: 'Bo Specimen',
    email: 'broken@demo.idlens.invalid',
    session: {
      id: 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
      date: '2024-04-11T12:00:00.000Z',
      documentType: 'national_id',
      hasBack: true,
    },
  },
  shortlived: {
    summary: 'signed URLs live a few seconds; the first answer carries already-expired URLs',
    givenName: 'Sam',
    familyName: 'Specimen',
    name: 'Sam Specimen',
    email: 'shortlived@demo.idlens.invalid',
    session: {
      id: '9d8c7b6a-5f4e-4d3c-a2b1-0f9e8d7c6b5a',
      date: '2024-05-30T09:15:00.000Z',
      documentType: 'national_id',
      hasBack: true,
    },
  },
  impostor: {
    summary:
      "approved national ID like full's, but the selfie shows someone else than the card's portrait",
    givenName: 'Alex',
    familyName: 'Specimen',
    name: 'Alex Specimen',
    email: 'impostor@demo.idlens.invalid',
    session: {
      id: '2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182',
      date: '2024-07-09T11:12:13.000Z',
      documentType: 'national_id',
      hasBack: true,
    },
  },
};

/** Registry data of `GET /api/v1/me/natural-person` (fields as e-Próspera names them). */
export interface NaturalPerson {
  givenName: string;
  surname: string;
  name: string;
  residentPermitNumber: string;
  countryOfBirth: string;
  citizenships: string[];
  dateOfBirth: string;
  sex: 'Male' | 'Female' | 'Other';
  address: {
    country: string;
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    postalCode: string;
  } | null;
  phoneNumber: string | null;
}

/** null for personas whose registry profile is not complete (e-Próspera then answers JSON null). */
export function naturalPersonFor(persona: Persona): NaturalPerson | null {
  if (persona === 'unverified') return null;
  const p = PERSONA_PROFILES[persona];
  const index = PERSONAS.indexOf(persona) + 1;
  return {
    givenName: `${p.givenName} SPECIMEN`,
    surname: 'SPECIMEN',
    name: `${p.givenName} SPECIMEN SPECIMEN`,
    // 14 digits; the 99999 prefix marks it as invented.
    residentPermitNumber: `999990000000${String(index).padStart(2, '0')}`,
    countryOfBirth: 'Utopia (SPECIMEN)',
    citizenships: ['Utopia (SPECIMEN)'],
    dateOfBirth: '1990-01-01',
    sex: 'Other',
    address: {
      country: 'Honduras',
      line1: `${index} Specimen Street`,
      line2: 'Demo building (SPECIMEN)',
      city: 'Specimen City',
      state: 'Islas de la Bahía',
      postalCode: '00000',
    },
    phoneNumber: `+5040000000${index}`,
  };
}
