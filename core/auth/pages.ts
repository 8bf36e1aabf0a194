import { createHash } from 'node:crypto';

/**
 * The pages the loopback listener shows in the user's browser. Fixed text only, in English and
 * Spanish on the same page: nothing from the request (query, path, headers) is ever written into
 * them, so a crafted redirect cannot inject markup. No script, no external resource; the only
 * style is one inline block allowed by its hash in the page's Content-Security-Policy.
 */

export type PageKind =
  | 'success'
  | 'denied'
  | 'providerError'
  | 'wrongState'
  | 'notFound'
  | 'completed'
  | 'badHost'
  | 'badMethod';

interface PageText {
  status: number;
  en: { title: string; body: string };
  es: { title: string; body: string };
}

const PAGES: Record<PageKind, PageText> = {
  success: {
    status: 200,
    en: {
      title: 'idlens received the sign-in response',
      body: 'You can close this tab and return to idlens.',
    },
    es: {
      title: 'idlens recibió la respuesta del inicio de sesión',
      body: 'Puede cerrar esta pestaña y volver a idlens.',
    },
  },
  denied: {
    status: 200,
    en: {
      title: 'Sign-in was not authorized',
      body: 'The request was denied or cancelled at e-Próspera. Nothing was shared with idlens. You can close this tab and try again from idlens.',
    },
    es: {
      title: 'El inicio de sesión no fue autorizado',
      body: 'La solicitud fue denegada o cancelada en e-Próspera. No se compartió nada con idlens. Puede cerrar esta pestaña e intentarlo de nuevo desde idlens.',
    },
  },
  providerError: {
    status: 200,
    en: {
      title: 'Sign-in failed at the identity provider',
      body: 'e-Próspera reported an error. Nothing was shared with idlens. You can close this tab and try again later from idlens.',
    },
    es: {
      title: 'El inicio de sesión falló en el proveedor de identidad',
      body: 'e-Próspera informó de un error. No se compartió nada con idlens. Puede cerrar esta pestaña e intentarlo más tarde desde idlens.',
    },
  },
  wrongState: {
    status: 400,
    en: {
      title: 'This sign-in response does not belong to the current sign-in',
      body: 'It was ignored. If you started a sign-in in idlens, finish it in the browser tab that idlens opened.',
    },
    es: {
      title: 'Esta respuesta no corresponde al inicio de sesión en curso',
      body: 'Se ignoró. Si inició sesión desde idlens, termine el proceso en la pestaña que abrió idlens.',
    },
  },
  notFound: {
    status: 404,
    en: {
      title: 'Not found',
      body: 'idlens is waiting for a sign-in response at another address.',
    },
    es: {
      title: 'No encontrado',
      body: 'idlens espera la respuesta del inicio de sesión en otra dirección.',
    },
  },
  completed: {
    status: 409,
    en: {
      title: 'This sign-in is already finished',
      body: 'idlens has already received a response for it. You can close this tab.',
    },
    es: {
      title: 'Este inicio de sesión ya terminó',
      body: 'idlens ya recibió una respuesta para él. Puede cerrar esta pestaña.',
    },
  },
  badHost: {
    status: 421,
    en: { title: 'Wrong address', body: 'This listener only answers on 127.0.0.1.' },
    es: { title: 'Dirección incorrecta', body: 'Este servicio solo responde en 127.0.0.1.' },
  },
  badMethod: {
    status: 405,
    en: { title: 'Method not allowed', body: 'Only GET is accepted here.' },
    es: { title: 'Método no permitido', body: 'Aquí solo se acepta GET.' },
  },
};

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}' +
  'h1{font-size:1.25rem}hr{border:0;border-top:1px solid #ccc;margin:2rem 0}';

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** CSP of every page: nothing may load, run, frame it or be submitted from it. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of the listener. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': PAGE_CSP,
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  Connection: 'close',
};

export function renderPage(kind: PageKind): { status: number; html: string } {
  const page = PAGES[kind];
  const html =
    '<!doctype html>\n' +
    '<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="no-referrer">' +
    `<title>idlens — ${page.en.title}</title><style>${STYLE}</style></head><body>` +
    `<h1>${page.en.title}</h1><p>${page.en.body}</p>` +
    '<hr>' +
    `<div lang="es"><h1>${page.es.title}</h1><p>${page.es.body}</p></div>` +
    '</body></html>\n';
  return { status: page.status, html };
}
