import { describe, expect, it } from 'vitest';
import { connectionWording, type ConnectionSummary } from '../../../core/connection-confirm.ts';

const summary = (over: Partial<ConnectionSummary> = {}): ConnectionSummary => ({
  reason: 'settings',
  environment: 'custom',
  preset: false,
  issuerHost: 'id.example',
  apiHost: 'id.example',
  imageHosts: ['images.example:8443'],
  clientId: 'client-one',
  secretSent: true,
  issParameter: 'not-supported',
  changes: ['issuer', 'apiBase'],
  language: 'en',
  ...over,
});

describe("main's confirmation text", () => {
  it('names every host, the client id, the secret and the missing iss in plain words', () => {
    const words = connectionWording(summary());
    expect(words.detail).toContain('Sign-in goes to: id.example');
    expect(words.detail).toContain('access token and the document request go to: id.example');
    expect(words.detail).toContain('Amazon S3 and images.example:8443');
    expect(words.detail).toContain('Client id: client-one');
    expect(words.detail).toContain('A client secret will be sent');
    expect(words.detail).toContain('does not name itself in its sign-in responses');
    expect(words.detail).toContain('Settings that change: issuer, apiBase');
    expect([words.cancel, words.confirm]).toEqual(['Cancel', 'Confirm']);
  });

  it('says the same in Spanish, for every reason and iss answer', () => {
    for (const reason of ['settings', 'secret', 'sign-in'] as const) {
      for (const issParameter of ['supported', 'not-supported', 'unknown'] as const) {
        const en = connectionWording(summary({ reason, issParameter }));
        const es = connectionWording(summary({ reason, issParameter, language: 'es' }));
        for (const key of ['title', 'message', 'detail', 'confirm', 'cancel'] as const) {
          expect(es[key]).not.toBe('');
          expect(es[key]).not.toBe(en[key]);
        }
      }
    }
    expect(connectionWording(summary({ language: 'es' })).detail).toContain(
      'El inicio de sesión va a: id.example',
    );
  });

  it('says what happens to a stored secret', () => {
    expect(
      connectionWording(summary({ reason: 'secret', secretChange: 'clear' })).detail,
    ).toContain('will be deleted');
    expect(connectionWording(summary({ secretSent: false })).detail).toContain(
      'No client secret will be sent.',
    );
  });
});
