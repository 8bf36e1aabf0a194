import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { IdlensError } from '../../../../shared/errors.ts';
import { TokenVault } from '../../../../core/auth/token-vault.ts';
import type { Refresher, TokenGrant } from '../../../../core/auth/token-vault.ts';

const AT = 'access-token-value-AAAA';
const RT = 'refresh-token-value-RRRR';
const IDT = 'id-token-value-IIII';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function grant(over: Partial<TokenGrant> = {}): TokenGrant {
  return {
    accessToken: AT,
    refreshToken: RT,
    idToken: IDT,
    expiresIn: 3600,
    scopes: ['openid', 'eprospera:person.id_verification.read'],
    claims: { sub: 'full', name: 'Full Specimen' },
    ...over,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof IdlensError ? err.code : 'other';
  }
}

describe('TokenVault', () => {
  it('hands out the stored access token while it is fresh, without refreshing', async () => {
    const c = clock();
    let calls = 0;
    const vault = new TokenVault({ now: c.now });
    vault.store(grant(), async () => {
      await Promise.resolve(); // a network round trip, in spirit
      calls += 1;
      return grant({ accessToken: 'new' });
    });
    c.advance(3600_000 - 61_000);
    expect(await vault.getAccessToken()).toBe(AT);
    expect(calls).toBe(0);
    expect(vault.expiresAt).toBe(1_000_000 + 3600_000);
  });

  it('refreshes near expiry, stores the rotated refresh token and never sends the old one again', async () => {
    const c = clock();
    const sent: string[] = [];
    let n = 0;
    const refresher: Refresher = async (rt) => {
      await Promise.resolve(); // a network round trip, in spirit
      sent.push(rt);
      n += 1;
      return grant({
        accessToken: `at-${n}`,
        refreshToken: `rt-${n}`,
        idToken: undefined,
        scopes: [],
      });
    };
    const vault = new TokenVault({ now: c.now });
    vault.store(grant(), refresher);
    c.advance(3600_000 - 30_000);
    expect(await vault.getAccessToken()).toBe('at-1');
    c.advance(3600_000);
    expect(await vault.getAccessToken()).toBe('at-2');
    expect(sent).toEqual([RT, 'rt-1']);
    // Claims and scopes survive a refresh that returns neither.
    expect(vault.claims).toEqual({ sub: 'full', name: 'Full Specimen' });
    expect(vault.scopes).toEqual(['openid', 'eprospera:person.id_verification.read']);
  });

  it('keeps the current refresh token when the provider does not rotate', async () => {
    const c = clock();
    const sent: string[] = [];
    const vault = new TokenVault({ now: c.now });
    vault.store(grant(), async (rt) => {
      await Promise.resolve(); // a network round trip, in spirit
      sent.push(rt);
      return { accessToken: `at-${sent.length}`, expiresIn: 3600, scopes: [] };
    });
    c.advance(3600_000);
    await vault.getAccessToken();
    c.advance(3600_000);
    await vault.getAccessToken();
    expect(sent).toEqual([RT, RT]);
  });

  it('shares one refresh between concurrent callers (a rotated token is used once)', async () => {
    const c = clock();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const vault = new TokenVault({ now: c.now });
    vault.store(grant(), async () => {
      calls += 1;
      await gate;
      return grant({ accessToken: 'at-new', refreshToken: 'rt-new' });
    });
    c.advance(3600_000);
    const all = Promise.all([vault.getAccessToken(), vault.getAccessToken(), vault.refresh()]);
    release();
    expect(await all).toEqual(['at-new', 'at-new', true]);
    expect(calls).toBe(1);
  });

  it('clears itself and asks for sign-in when the refresh token is rejected', async () => {
    const c = clock();
    let changes = 0;
    const vault = new TokenVault({ now: c.now, onChange: () => (changes += 1) });
    vault.store(grant(), async () => {
      await Promise.resolve(); // a network round trip, in spirit
      throw new IdlensError('auth_token_rejected', 'rejected');
    });
    c.advance(3600_000);
    expect(await codeOf(vault.getAccessToken())).toBe('auth_required');
    expect(vault.signedIn).toBe(false);
    expect(vault.hasRefreshToken).toBe(false);
    expect(vault.claims).toBeUndefined();
    expect(changes).toBe(2);
    expect(await codeOf(vault.getAccessToken())).toBe('auth_required');
  });

  it('keeps the tokens when a refresh fails on the network, so a later try can succeed', async () => {
    const c = clock();
    let fail = true;
    const vault = new TokenVault({ now: c.now });
    vault.store(grant(), async () => {
      await Promise.resolve(); // a network round trip, in spirit
      if (fail) throw new IdlensError('network_error', 'offline');
      return grant({ accessToken: 'at-after' });
    });
    c.advance(3600_000);
    expect(await codeOf(vault.getAccessToken())).toBe('network_error');
    expect(vault.signedIn).toBe(true);
    fail = false;
    expect(await vault.getAccessToken()).toBe('at-after');
  });

  it('asks for sign-in when the access token expired and there is no refresh token', async () => {
    const c = clock();
    const vault = new TokenVault({ now: c.now });
    vault.store(grant({ refreshToken: undefined }));
    c.advance(3600_000 - 1);
    expect(await vault.getAccessToken()).toBe(AT);
    c.advance(1);
    expect(await codeOf(vault.getAccessToken())).toBe('auth_required');
    expect(vault.signedIn).toBe(false);
  });

  it('never lets a refresh that finishes after sign-out bring tokens back', async () => {
    const c = clock();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const vault = new TokenVault({ now: c.now });
    vault.store(grant(), async () => {
      await gate;
      return grant({ accessToken: 'late' });
    });
    c.advance(3600_000);
    const pending = vault.refresh();
    vault.clear();
    release();
    expect(await pending).toBe(false);
    expect(vault.signedIn).toBe(false);
  });

  it('caps the refresh margin at half of a short token lifetime', async () => {
    const c = clock();
    let calls = 0;
    const vault = new TokenVault({ now: c.now });
    vault.store(grant({ expiresIn: 20 }), async () => {
      await Promise.resolve(); // a network round trip, in spirit
      calls += 1;
      return grant({ expiresIn: 20 });
    });
    c.advance(9_000);
    await vault.getAccessToken();
    expect(calls).toBe(0);
    c.advance(1_000);
    await vault.getAccessToken();
    expect(calls).toBe(1);
  });

  it('takeRefreshToken hands the token out once', () => {
    const vault = new TokenVault();
    vault.store(grant());
    expect(vault.takeRefreshToken()).toBe(RT);
    expect(vault.takeRefreshToken()).toBeUndefined();
  });

  it('never shows a token in JSON, inspect, string conversion or its own keys', () => {
    const vault = new TokenVault();
    vault.store(grant());
    const views = [
      JSON.stringify(vault),
      JSON.stringify({ nested: { vault } }),
      inspect(vault, { showHidden: true, depth: 10 }),
      inspect({ nested: vault }, { showHidden: true, depth: 10 }),
      String(vault),
      JSON.stringify(Object.entries(vault)),
      JSON.stringify(structuredClone(vault.snapshot())),
    ];
    for (const view of views) {
      expect(view).not.toContain(AT);
      expect(view).not.toContain(RT);
      expect(view).not.toContain(IDT);
    }
    expect(JSON.parse(JSON.stringify(vault))).toMatchObject({
      redacted: true,
      hasAccessToken: true,
      hasRefreshToken: true,
      hasIdToken: true,
    });
    expect(inspect(vault)).toContain('redacted');
  });

  it('clear() drops every token, claim and scope', async () => {
    const vault = new TokenVault();
    vault.store(grant());
    vault.clear();
    expect(vault.snapshot()).toEqual({
      hasAccessToken: false,
      hasRefreshToken: false,
      hasIdToken: false,
      expiresAt: undefined,
      scopes: [],
    });
    expect(vault.claims).toBeUndefined();
    expect(await codeOf(vault.getAccessToken())).toBe('auth_required');
  });
});
