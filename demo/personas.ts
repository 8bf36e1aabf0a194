/**
 * The demo backend's people. The user name typed on the login page picks one; each stands for a
 * case the id-verification endpoint reference describes. All data here is invented SPECIMEN data.
 */

/** The review-assist personas: an ID card each, with one finding for the checks to show. */
export type ReviewPersona =
  | 'expired'
  | 'renamed'
  | 'checkdigit'
  | 'edited'
  | 'blurred'
  | 'misprinted'
  | 'mixed'
  | 'swapped'
  | 'greycopy'
  | 'upsidedown'
  | 'tilted';
export const REVIEW_PERSONAS: readonly ReviewPersona[] = [
  'expired',
  'renamed',
  'checkdigit',
  'edited',
  'blurred',
  'misprinted',
  'mixed',
  'swapped',
  'greycopy',
  'upsidedown',
  'tilted',
];

export type Persona =
  | 'full'
  | 'passport'
  | 'portrait'
  | 'unverified'
  | 'noscope'
  | 'broken'
  | 'shortlived'
  | 'impostor'
  | ReviewPersona;

export const PERSONAS: readonly Persona[] = [
  'full',
  'passport',
  'portrait',
  'unverified',
  'noscope',
  'broken',
  'shortlived',
  'impostor',
  ...REVIEW_PERSONAS,
];

export function isReviewPersona(persona: Persona): persona is ReviewPersona {
  return (REVIEW_PERSONAS as readonly Persona[]).includes(persona);
}

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

/** An approved ID card session of a review-assist persona (front, back and selfie). */
function reviewSession(id: string, date: string): VerificationSession {
  return { id, date, documentType: 'national_id', hasBack: true };
}

/**
 * The review-assist personas (specimens.ts REVIEW_CARDS): approved ID cards, each with one
 * finding for the checks to show. Their registry records (naturalPersonFor) hold the same person
 * as the card, except where the story says otherwise.
 */
const REVIEW_PROFILES: Record<ReviewPersona, PersonaProfile> = {
  expired: {
    summary: 'approved ID card that expired on 10 Jan 2024 (it was valid at the session)',
    givenName: 'Eli',
    familyName: 'Specimen',
    name: 'Eli Specimen',
    email: 'expired@demo.idlens.invalid',
    session: reviewSession('e1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8', '2023-11-20T10:00:00.000Z'),
  },
  renamed: {
    summary: 'approved ID card in the name EXAMPLE; the registry says Specimen',
    givenName: 'Kai',
    familyName: 'Specimen',
    name: 'Kai Specimen',
    email: 'renamed@demo.idlens.invalid',
    session: reviewSession('4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d', '2024-02-08T13:40:00.000Z'),
  },
  checkdigit: {
    summary: 'approved ID card whose MRZ carries one wrong check digit (the birth date’s)',
    givenName: 'Cy',
    familyName: 'Specimen',
    name: 'Cy Specimen',
    email: 'checkdigit@demo.idlens.invalid',
    session: reviewSession('c9d8e7f6-a5b4-4c3d-8e2f-1a0b9c8d7e6f', '2024-04-02T09:05:00.000Z'),
  },
  edited: {
    summary: 'approved ID card; the front names an image editor and carries GPS in its EXIF',
    givenName: 'Eda',
    familyName: 'Specimen',
    name: 'Eda Specimen',
    email: 'edited@demo.idlens.invalid',
    session: reviewSession('ed1ed2ed-3ed4-4ed5-8ed6-ed7ed8ed9ed0', '2024-07-01T11:30:00.000Z'),
  },
  blurred: {
    summary: 'approved ID card; the front is blurred and has a glare spot',
    givenName: 'Bea',
    familyName: 'Specimen',
    name: 'Bea Specimen',
    email: 'blurred@demo.idlens.invalid',
    session: reviewSession('b1b2b3b4-c5c6-4d7d-8e8e-f9f0a1a2b3b4', '2024-09-12T16:20:00.000Z'),
  },
  misprinted: {
    summary: 'approved ID card whose front prints the surname EXAMPLE; its MRZ says SPECIMEN',
    givenName: 'Mia',
    familyName: 'Specimen',
    name: 'Mia Specimen',
    email: 'misprinted@demo.idlens.invalid',
    session: reviewSession('a1d2e3f4-0b1c-4d2e-8f3a-4b5c6d7e8f90', '2024-10-03T09:45:00.000Z'),
  },
  mixed: {
    summary: 'approved ID card: the front of one card with the back of another',
    givenName: 'Max',
    familyName: 'Specimen',
    name: 'Max Specimen',
    email: 'mixed@demo.idlens.invalid',
    session: reviewSession('f0e1d2c3-b4a5-4968-8776-655443322110', '2024-10-21T15:10:00.000Z'),
  },
  swapped: {
    summary:
      'approved ID card whose portrait was replaced after capture; its EXIF thumbnail shows the original',
    givenName: 'Sol',
    familyName: 'Specimen',
    name: 'Sol Specimen',
    email: 'swapped@demo.idlens.invalid',
    session: reviewSession('5a0b1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d', '2024-11-05T12:00:00.000Z'),
  },
  greycopy: {
    summary: 'approved ID card captured as a greyscale copy, not the colour card',
    givenName: 'Gus',
    familyName: 'Specimen',
    name: 'Gus Specimen',
    email: 'greycopy@demo.idlens.invalid',
    session: reviewSession('9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', '2024-11-18T08:30:00.000Z'),
  },
  upsidedown: {
    summary: 'approved ID card; the back was photographed upside down on a table',
    givenName: 'Uma',
    familyName: 'Specimen',
    name: 'Uma Specimen',
    email: 'upsidedown@demo.idlens.invalid',
    session: reviewSession('a0d1e2f3-0415-4a26-8b37-c48d59e60f71', '2024-10-03T08:45:00.000Z'),
  },
  tilted: {
    summary: 'approved ID card; the back was photographed on a table, turned 25°',
    givenName: 'Tia',
    familyName: 'Specimen',
    name: 'Tia Specimen',
    email: 'tilted@demo.idlens.invalid',
    session: reviewSession('7e1a2b3c-4d5e-4f60-9172-8394a5b6c7d8', '2024-11-05T15:10:00.000Z'),
  },
};

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
  ...REVIEW_PROFILES,
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
