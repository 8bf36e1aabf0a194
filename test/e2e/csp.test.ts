import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../core/security.ts';
import { stubHandlers } from '../fixtures/stub-handlers.ts';
import { startHarness, type Harness } from './harness.ts';

/** The app's CSP, served the way the app serves it, really holds in Chromium. */
describe('Content-Security-Policy in Chromium', () => {
  let harness: Harness;
  let remote: Server;
  let remoteOrigin: string;
  const remoteHits: string[] = [];

  beforeAll(async () => {
    remote = createServer((req, res) => {
      remoteHits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'image/png' }).end();
    });
    await new Promise<void>((ok) => remote.listen(0, '127.0.0.1', ok));
    const address = remote.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    remoteOrigin = `http://127.0.0.1:${address.port}`;
    harness = await startHarness({ handlers: () => stubHandlers() });
  });

  afterAll(async () => {
    await harness.close();
    remote.close();
  });

  it('sends the policy as a header on the page', async () => {
    const response = await harness.page.request.get(`${harness.origin}/index.html`);
    expect(response.headers()['content-security-policy']).toBe(contentSecurityPolicy());
  });

  it('refuses an inline script and reports the violation', async () => {
    const outcome = await harness.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(e.effectiveDirective),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return {
        ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        violations,
      };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.violations).toContain('script-src-elem');
  });

  it('refuses a remote image before any request leaves the page', async () => {
    const outcome = await harness.page.evaluate(async (origin) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(e.effectiveDirective),
      );
      const loaded = await new Promise<boolean>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
        img.src = `${origin}/tracker.png`;
      });
      return { loaded, violations };
    }, remoteOrigin);
    expect(outcome.loaded).toBe(false);
    expect(outcome.violations).toContain('img-src');
    expect(remoteHits).toEqual([]);
  });

  it('allows blob: images, the only way documents are shown', async () => {
    const loaded = await harness.page.evaluate(async () => {
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"></svg>';
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      return new Promise<boolean>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
        img.src = url;
      });
    });
    expect(loaded).toBe(true);
  });

  it('exposes window.idlens through the bridge with the contract shape', async () => {
    const status = await harness.page.evaluate(() =>
      (
        window as unknown as { idlens: { auth: { status(): Promise<unknown> } } }
      ).idlens.auth.status(),
    );
    expect(status).toEqual({
      ok: true,
      data: { state: 'signedOut', environment: 'demo', scopes: [] },
    });
  });
});
