/**
 * For `npm run demo` when its fixed ports are taken: tells the demo backend (typically a running
 * `npm run demo:server`) from any other program, by asking the issuer port for the demo's
 * discovery document and the image port for an answer.
 */

export type PortHolder = 'free' | 'demo-backend' | 'other';

const ASK_TIMEOUT_MS = 3000;

async function answers(url: string): Promise<Response | undefined> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(ASK_TIMEOUT_MS), redirect: 'manual' });
  } catch {
    return undefined;
  }
}

/** What holds the issuer and image ports of the demo on 127.0.0.1. */
export async function demoPortHolder(issuerPort: number, imagePort: number): Promise<PortHolder> {
  const issuer = `http://127.0.0.1:${issuerPort}`;
  const discovery = await answers(`${issuer}/.well-known/openid-configuration`);
  const image = await answers(`http://127.0.0.1:${imagePort}/`);
  await image?.body?.cancel().catch(() => undefined);
  if (discovery === undefined && image === undefined) return 'free';
  if (discovery === undefined || image === undefined || !discovery.ok) {
    await discovery?.body?.cancel().catch(() => undefined);
    return 'other';
  }
  try {
    const body = (await discovery.json()) as { issuer?: unknown; authorization_endpoint?: unknown };
    return body.issuer === issuer && body.authorization_endpoint === `${issuer}/api/oauth/authorize`
      ? 'demo-backend'
      : 'other';
  } catch {
    return 'other';
  }
}
