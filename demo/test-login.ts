/**
 * Drives the demo provider's sign-in the way a browser would, with plain `fetch`: follows the
 * redirects of the authorization request, keeps the provider's cookies, fills in the login form
 * (user name = persona, any password) and answers the consent form. It stops at the redirect that
 * leaves the provider's origin (the client's loopback callback) and returns that URL without
 * requesting it. For tests and scripts only.
 */
import type { Persona } from './personas.ts';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_STEPS = 20;

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function formAction(page: string): string | undefined {
  const m = /<form\b[^>]*\baction="([^"]*)"/i.exec(page);
  return m?.[1] === undefined ? undefined : decodeEntities(m[1]);
}

function pageError(page: string): string | undefined {
  const m = /<p class="error"[^>]*>([\s\S]*?)<\/p>/i.exec(page);
  return m?.[1] === undefined ? undefined : decodeEntities(m[1]);
}

class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k = '', v = ''] = a.split('=');
        const key = k.trim().toLowerCase();
        if (key === 'max-age') return Number(v) <= 0;
        if (key === 'expires') return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs in to the demo provider as `persona` and returns the final callback URL
 * (`<redirect_uri>?code=…&state=…&iss=…`, or `?error=access_denied…` with `deny`).
 * Throws if the provider answers with an error page or refuses the user name.
 */
export async function loginWithFetch(
  authorizationUrl: string,
  persona: Persona,
  opts: { deny?: boolean } = {},
): Promise<string> {
  const providerOrigin = new URL(authorizationUrl).origin;
  const jar = new CookieJar();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  let submittedLogin = false;

  for (let step = 0; step < MAX_STEPS; step++) {
    const headers: Record<string, string> = { accept: 'text/html,application/json' };
    const cookie = jar.header();
    if (cookie) headers.cookie = cookie;
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form?.toString(),
      redirect: 'manual',
    });
    jar.store(res);
    form = undefined;

    if (REDIRECTS.has(res.status)) {
      await res.body?.cancel();
      const location = res.headers.get('location');
      if (!location) throw new Error(`redirect without Location (HTTP ${res.status})`);
      const next = new URL(location, url);
      if (next.origin !== providerOrigin) return next.href;
      url = next.href;
      continue;
    }

    const text = await res.text();
    if (res.status !== 200 || !/text\/html/i.test(res.headers.get('content-type') ?? '')) {
      throw new Error(`sign-in stopped: HTTP ${res.status} ${text.slice(0, 300)}`);
    }
    const action = formAction(text);
    if (!action) throw new Error('sign-in stopped: a page without a form');
    const target = new URL(action, url).href;

    if (/\bname="login"/.test(text)) {
      if (submittedLogin) {
        throw new Error(`sign-in refused: ${pageError(text) ?? 'login page shown again'}`);
      }
      submittedLogin = true;
      form = new URLSearchParams({ login: persona, password: 'demo' });
    } else if (/\bname="decision"/.test(text)) {
      form = new URLSearchParams({ decision: opts.deny ? 'deny' : 'allow' });
    } else if (/\bname="code"/.test(text) || /response_mode|form_post/i.test(text)) {
      throw new Error('sign-in stopped: response_mode=form_post is not supported by this helper');
    } else {
      throw new Error('sign-in stopped: an unexpected page');
    }
    url = target;
  }
  throw new Error('sign-in stopped: too many steps');
}
