import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFindings, runAxe, type AxeFinding } from './axe-audit.ts';
import { nextPage, startUiStack, type UiStack } from './ui-stack.ts';

/**
 * axe-core (WCAG 2.1 A/AA + best practice) on every screen and state a person meets, in the
 * light and the dark theme, in English and in Spanish, on the built renderer in real Chromium
 * under the app's CSP. Serious and critical findings fail; so does any lesser one not justified
 * below with the reason it stands. Each failure prints the rule, the element and axe's fix hint.
 * The counts per state and rule are written to test-results/axe/summary.json.
 */

const LANGS = ['en', 'es'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Lang = (typeof LANGS)[number];

/** Lesser findings that stand, each with the reason; none at present. */
const JUSTIFIED: Readonly<Record<string, string>> = {};

const SCOPES = ['openid', 'eprospera:person.id_verification.read', 'eprospera:person.details.read'];

const TEXT = {
  en: {
    settings: 'Settings',
    privacy: 'What idlens left on this computer',
    compare: 'Selfie + front',
    portrait: 'Portrait + selfie',
    single: 'Single',
    signOut: 'Sign out',
  },
  es: {
    settings: 'Configuración',
    privacy: 'Lo que idlens dejó en esta computadora',
    compare: 'Selfi + anverso',
    portrait: 'Retrato + selfi',
    single: 'Una',
    signOut: 'Cerrar sesión',
  },
} as const;

interface Tally {
  state: string;
  scheme: string;
  lang: string;
  findings: AxeFinding[];
}
const tallies: Tally[] = [];

const frames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );

async function decoded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.images].every((img) => img.dataset['status'] === 'ready'),
  );
  await frames(page);
}

/** Switches the UI language with the top bar's control, as a person would. */
async function setLanguage(page: Page, lang: Lang): Promise<void> {
  await page.locator('.lang-switch select').selectOption(lang);
  await page.waitForFunction(
    (tag) => document.documentElement.lang === tag,
    lang === 'es' ? 'es-419' : 'en',
  );
  // Single-key shortcuts do not fire while a field (the select) has focus.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Audits what the page shows now in both themes; returns the failures, printed. */
async function auditSchemes(page: Page, state: string, lang: Lang): Promise<string[]> {
  const failures: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await frames(page);
    const findings = await runAxe(page);
    tallies.push({ state, scheme, lang, findings });
    const failing = findings.filter(
      (f) => f.impact === 'serious' || f.impact === 'critical' || !(f.rule in JUSTIFIED),
    );
    if (failing.length > 0) {
      failures.push(
        `${state}, ${scheme}, ${lang}: ${failing.length}\n${describeFindings(failing)}`,
      );
    }
  }
  return failures;
}

/**
 * Audits each language; `enter` reaches the state after the switch, `leave` undoes it. Returns
 * the failures, so that a test can leave the app as the next one expects before asserting.
 */
async function auditLanguages(
  stack: UiStack,
  state: string,
  enter?: (page: Page, lang: Lang) => Promise<void>,
  leave?: (page: Page) => Promise<void>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const lang of LANGS) {
    await setLanguage(stack.page, lang);
    await enter?.(stack.page, lang);
    failures.push(...(await auditSchemes(stack.page, state, lang)));
    await leave?.(stack.page);
  }
  await setLanguage(stack.page, 'en');
  await stack.page.emulateMedia({ colorScheme: 'light' });
  return failures;
}

function expectClean(failures: readonly string[]): void {
  expect(failures, failures.join('\n\n')).toEqual([]);
}

describe('axe-core on every screen, light and dark, English and Spanish', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({
      settings: { language: 'en', scopes: SCOPES, signInTimeoutSeconds: 300 },
      analysis: true,
    });
  });
  afterAll(async () => {
    await stack.close();
    const dir = resolve(import.meta.dirname, '../../test-results/axe');
    mkdirSync(dir, { recursive: true });
    const byRule: Record<string, Record<string, number>> = {};
    for (const t of tallies) {
      for (const f of t.findings) {
        const rule = (byRule[`${f.rule} (${f.impact ?? '?'})`] ??= {});
        rule[t.state] = (rule[t.state] ?? 0) + 1;
      }
    }
    writeFileSync(
      join(dir, 'summary.json'),
      JSON.stringify({ audits: tallies.length, byRule, tallies }, null, 2),
    );
  });

  it('sign-in', async () => {
    await stack.page.getByTestId('sign-in').waitFor();
    expectClean(await auditLanguages(stack, 'sign-in'));
  });

  it('waiting for the browser', async () => {
    stack.signInAs('full', { hold: true });
    await stack.page.getByTestId('sign-in').click();
    await stack.page.getByTestId('sign-in-waiting').waitFor();
    const failures = await auditLanguages(stack, 'waiting');
    await stack.page.getByTestId('sign-in-waiting').getByRole('button').click();
    await stack.releaseSignIn();
    await stack.page.getByTestId('sign-in').waitFor();
    expectClean(failures);
  });

  it('documents', async () => {
    stack.signInAs('full');
    await stack.page.getByTestId('sign-in').click();
    await stack.page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
    await decoded(stack.page);
    await stack.page.waitForFunction(
      () => document.querySelectorAll('.card__sha--match').length === 3,
    );
    expectClean(await auditLanguages(stack, 'documents'));
  });

  it('checks filled', async () => {
    await stack.page
      .locator('[data-testid="checks-panel"][data-status="done"]')
      .waitFor({ timeout: 120_000 });
    expectClean(await auditLanguages(stack, 'checks filled'));
  }, 150_000);

  it('compare', async () => {
    expectClean(
      await auditLanguages(
        stack,
        'compare',
        async (page, lang) => {
          await page.getByRole('button', { name: TEXT[lang].compare }).click();
          await page.getByTestId('pane-face').waitFor();
          await decoded(page);
        },
        async (page) => {
          await page
            .getByRole('button', { name: TEXT.en.single, exact: true })
            .or(page.getByRole('button', { name: TEXT.es.single, exact: true }))
            .click();
          await page.getByTestId('pane-face').waitFor({ state: 'detached' });
        },
      ),
    );
  });

  it('portrait compare', async () => {
    expectClean(
      await auditLanguages(
        stack,
        'portrait compare',
        async (page, lang) => {
          await page.getByRole('button', { name: TEXT[lang].portrait }).click();
          await page.locator('[data-mode="portrait"]').waitFor();
          await decoded(page);
        },
        async (page) => {
          await page
            .getByRole('button', { name: TEXT.en.single, exact: true })
            .or(page.getByRole('button', { name: TEXT.es.single, exact: true }))
            .click();
          await page.locator('[data-mode="off"]').waitFor();
        },
      ),
    );
  });

  it('full window', async () => {
    expectClean(
      await auditLanguages(
        stack,
        'full window',
        async (page) => {
          await page.keyboard.press('f');
          await page.locator('[data-full-window="true"]').waitFor();
          await decoded(page);
        },
        async (page) => {
          await page.keyboard.press('Escape');
          await page.locator('[data-full-window="false"]').waitFor();
        },
      ),
    );
  });

  it('settings', async () => {
    expectClean(
      await auditLanguages(
        stack,
        'settings',
        async (page, lang) => {
          await page.getByRole('button', { name: TEXT[lang].settings, exact: true }).click();
          await page.getByRole('dialog').waitFor();
        },
        async (page) => {
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'detached' });
        },
      ),
    );
  });

  it('privacy report', async () => {
    expectClean(
      await auditLanguages(
        stack,
        'privacy report',
        async (page, lang) => {
          await page.getByRole('button', { name: TEXT[lang].privacy }).click();
          await page.getByTestId('privacy-report').waitFor({ timeout: 30_000 });
        },
        async (page) => {
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'detached' });
        },
      ),
    );
  });

  it('help', async () => {
    expectClean(
      await auditLanguages(
        stack,
        'help',
        async (page) => {
          await page.keyboard.press('?');
          await page.getByRole('dialog').waitFor();
        },
        async (page) => {
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'detached' });
        },
      ),
    );
  });

  it('wipe receipt', async () => {
    const old = stack.page;
    await old.getByTestId('wipe-button').click();
    const page = await nextPage(stack, old);
    await page.getByTestId('wipe-receipt').waitFor();
    expectClean(await auditLanguages(stack, 'wipe receipt'));
  });

  it('passport', async () => {
    const old = stack.page;
    await old.getByRole('button', { name: TEXT.en.signOut }).click();
    const page = await nextPage(stack, old);
    stack.signInAs('passport');
    await page.getByTestId('sign-in').click();
    await page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
    await decoded(page);
    expectClean(await auditLanguages(stack, 'passport'));
  });

  it('load error', async () => {
    const old = stack.page;
    await old.getByRole('button', { name: TEXT.en.signOut }).click();
    const page = await nextPage(stack, old);
    stack.signInAs('noscope');
    await page.getByTestId('sign-in').click();
    await page.locator('[data-error-code="missing_scope"]').waitFor({ timeout: 30_000 });
    expectClean(await auditLanguages(stack, 'load error'));
  });
});
