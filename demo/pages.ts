/**
 * The demo provider's own login and consent pages: plain HTML, no scripts, no external
 * resources, and a banner that says this is demo data. Selectors other code relies on:
 * login `input[name=login]`, `input[name=password]`, `button[type=submit]`;
 * consent `button[name=decision][value=allow]` and `[value=deny]`.
 */
import type { ServerResponse } from 'node:http';
import { PERSONAS, PERSONA_PROFILES } from './personas.ts';

export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f1ea; color: #1d2a2e; }
  .banner { background: #b3122a; color: #fff; font-weight: bold; text-align: center; padding: 10px;
            letter-spacing: 0.08em; }
  main { max-width: 560px; margin: 32px auto; background: #fff; padding: 24px 32px; border-radius: 8px;
         box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { font-size: 1.4em; }
  label { display: block; margin-top: 12px; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: 8px; font-size: 1em; margin-top: 4px; }
  button { margin-top: 18px; padding: 10px 18px; font-size: 1em; border-radius: 6px; border: 1px solid #1f5661;
           background: #1f5661; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #1f5661; }
  .error { background: #fde8eb; border: 1px solid #b3122a; color: #7d0c1c; padding: 10px; border-radius: 6px; }
  table { border-collapse: collapse; width: 100%; font-size: .92em; margin-top: 8px; }
  td { border-top: 1px solid #ddd; padding: 4px 6px; vertical-align: top; }
  code { font-size: .95em; }
  ul.scopes li { margin: 4px 0; }
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)} — idlens demo e-Próspera</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner" role="banner">DEMO — SPECIMEN DATA · idlens demo e-Próspera, not the real service</div>
<main>
${body}
</main>
</body>
</html>`;
}

export function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

export function loginPage(opts: {
  action: string;
  clientId: string;
  error?: string;
  login?: string;
}): string {
  const rows = PERSONAS.map(
    (p) => `<tr><td><code>${p}</code></td><td>${html(PERSONA_PROFILES[p].summary)}</td></tr>`,
  ).join('');
  const error = opts.error ? `<p class="error" role="alert">${html(opts.error)}</p>` : '';
  return page(
    'Sign in',
    `<h1>Sign in to the demo e-Próspera</h1>
<p>Application <code>${html(opts.clientId)}</code> asks you to sign in.</p>
${error}
<form method="post" action="${html(opts.action)}" autocomplete="off">
  <label for="login">User name (a persona)</label>
  <input id="login" name="login" type="text" autocomplete="username" required autofocus value="${html(opts.login ?? '')}">
  <label for="password">Password (anything)</label>
  <input id="password" name="password" type="password" autocomplete="current-password">
  <button type="submit">Sign in</button>
</form>
<p>The user name picks a persona; any password works.</p>
<table><tbody>${rows}</tbody></table>`,
  );
}

export function consentPage(opts: {
  action: string;
  clientId: string;
  persona: string;
  scopes: readonly string[];
  /** Scopes this persona will not grant, whatever is chosen here. */
  withheld?: readonly string[];
}): string {
  const items = opts.scopes
    .map((s) =>
      opts.withheld?.includes(s)
        ? `<li><code>${html(s)}</code> — not granted for this persona</li>`
        : `<li><code>${html(s)}</code></li>`,
    )
    .join('');
  return page(
    'Authorize',
    `<h1>Authorize <code>${html(opts.clientId)}</code>?</h1>
<p>Signed in as <strong>${html(opts.persona)}</strong>. The application asks for:</p>
<ul class="scopes">${items || '<li>(no new scopes)</li>'}</ul>
<form method="post" action="${html(opts.action)}">
  <button type="submit" name="decision" value="allow">Authorize</button>
  <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${html(title)}</h1><p>${html(message)}</p>`);
}
