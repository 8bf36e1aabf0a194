import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIdVerificationBody } from '../../../../core/api/id-verification.ts';
import { parseNaturalPersonBody } from '../../../../core/api/natural-person.ts';

const REQUIRED = ['id', 'type', 'date', 'status', 'documents'];
const SLOTS = ['documentFront', 'documentBack', 'face'] as const;

const url = fc.webUrl({ withQueryParameters: true, withFragments: false });
const stringOrNull = fc.option(fc.string(), { nil: null });
const urlOrNull = fc.option(url, { nil: null });
const extras = (reserved: string[]) =>
  fc.dictionary(
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !reserved.includes(k) && k !== '__proto__'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 4 },
  );

const validBody = fc
  .record({
    id: stringOrNull,
    type: stringOrNull,
    date: stringOrNull,
    status: stringOrNull,
    documentType: fc.option(fc.constantFrom('passport', 'national_id', 'visa', 'something_new'), {
      nil: null,
    }),
    documents: fc
      .tuple(
        fc.record({ documentFront: urlOrNull, documentBack: urlOrNull, face: urlOrNull }),
        extras([...SLOTS]),
      )
      .map(([docs, more]) => ({ ...more, ...docs })),
  })
  .chain((body) => extras(REQUIRED.concat('documentType')).map((more) => ({ ...more, ...body })));

/** Anything that is neither a string nor null. */
const notStringOrNull = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const notUrl = fc.string().filter((s) => !URL.canParse(s));

/** A valid body with exactly one thing broken. */
const invalidBody = fc.oneof(
  fc
    .tuple(validBody, fc.constantFrom('id', 'type', 'date', 'status'), notStringOrNull)
    .map(([body, key, bad]) => ({
      ...body,
      [key]: bad,
    })),
  fc
    .tuple(validBody, fc.constantFrom(...SLOTS), fc.oneof(notStringOrNull, notUrl))
    .map(([body, slot, bad]) => ({
      ...body,
      documents: { ...body.documents, [slot]: bad },
    })),
  fc.tuple(validBody, fc.constantFrom(...REQUIRED)).map(([body, key]) => {
    const copy = new Map<string, unknown>(Object.entries(body));
    copy.delete(key);
    return Object.fromEntries(copy);
  }),
  fc
    .tuple(validBody, fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(fc.string())))
    .map(([body, documents]) => ({ ...body, documents })),
  fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.jsonValue({ maxDepth: 1 })),
  ),
);

// 3,000 generated bodies per property: seconds on a busy two-core machine, more than the unit
// project's 5 s default allows. A budget for the work, not a wait.
describe('id-verification body parser (property-based)', { timeout: 60_000 }, () => {
  it('parses every valid body, keeping the fields and dropping the extras', () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const parsed = parseIdVerificationBody(body);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.session).toEqual({
          id: body.id,
          type: body.type,
          date: body.date,
          status: body.status,
        });
        for (const slot of SLOTS) expect(parsed.documents[slot]).toBe(body.documents[slot]);
        expect(Object.keys(parsed.documents).sort()).toEqual([...SLOTS].sort());
        expect(parsed.verified).toBe(SLOTS.some((slot) => body.documents[slot] !== null));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives malformed_body for every invalid body', () => {
    fc.assert(
      fc.property(invalidBody, (body) => {
        const parsed = parseIdVerificationBody(body);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.failure.code).toBe('malformed_body');
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withMap: true, withSet: true }),
        (body) => {
          const parsed = parseIdVerificationBody(body);
          if (!parsed.ok) expect(parsed.failure.code).toBe('malformed_body');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads the reference page examples', () => {
    const example = {
      id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      type: 'veriff',
      date: '2024-01-15T10:30:00.000Z',
      status: 'approved',
      documents: {
        documentFront:
          'https://s3.us-east-2.amazonaws.com/bucket/path/document-front.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256',
        documentBack: null,
        face: 'https://s3.us-east-2.amazonaws.com/bucket/path/face.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256',
      },
    };
    expect(parseIdVerificationBody(example)).toMatchObject({ ok: true, verified: true });
    const none = {
      id: null,
      type: null,
      date: null,
      status: null,
      documents: { documentFront: null, documentBack: null, face: null },
    };
    expect(parseIdVerificationBody(none)).toMatchObject({ ok: true, verified: false });
  });
});

describe('natural-person body parser', () => {
  it('takes JSON null as "no registry data", not an error', () => {
    expect(parseNaturalPersonBody(null)).toEqual({ kind: 'registry', registry: null });
  });

  it('accepts both documented shapes of sex and date of birth', () => {
    for (const body of [
      { givenName: 'Ana', surname: 'Specimen', sex: 'F', dateOfBirth: '1990-01-01T00:00:00.000Z' },
      {
        givenName: 'Ana',
        surname: 'Specimen',
        sex: 'Female',
        dateOfBirth: '1990-01-01',
        address: null,
      },
    ]) {
      expect(parseNaturalPersonBody(body)).toMatchObject({ kind: 'registry', registry: body });
    }
  });

  it('gives malformed_body for a non-object and never throws', () => {
    expect(parseNaturalPersonBody([1, 2])).toMatchObject({ kind: 'error', code: 'malformed_body' });
    expect(parseNaturalPersonBody({ givenName: 5 })).toMatchObject({
      kind: 'error',
      code: 'malformed_body',
    });
    fc.assert(
      fc.property(fc.anything(), (body) => {
        const outcome = parseNaturalPersonBody(body);
        expect(['registry', 'error']).toContain(outcome.kind);
      }),
      { numRuns: 1000 },
    );
  });
});
