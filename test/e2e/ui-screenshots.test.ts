import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextPage, screenshot, startUiStack, type UiStack } from './ui-stack.ts';

/**
 * Screenshots of every main screen and state, light and dark, English and Spanish (chosen from
 * the system locale), saved under test-results/screenshots/ for review. Each also asserts the
 * screen it claims to show, so a broken screen fails rather than being photographed.
 */
const CONFIGS = [
  { scheme: 'light', locale: 'en-US', lang: 'en' },
  { scheme: 'dark', locale: 'en-US', lang: 'en' },
  { scheme: 'light', locale: 'es-HN', lang: 'es' },
  { scheme: 'dark', locale: 'es-HN', lang: 'es' },
] as const;

const TEXT = {
  en: {
    signIn: 'Sign in to e-Próspera',
    waiting: 'Finish signing in in your browser',
    help: 'Keyboard shortcuts',
    settings: 'Settings',
    self: 'What e-Próspera holds about you',
    compare: 'Selfie + front',
    portrait: 'Portrait + selfie',
    single: 'Single',
    adjust: 'Adjust portrait area',
    loupe: 'Loupe',
    zoomIn: 'Zoom in',
    actual: '100 %, actual size',
    signOut: 'Sign out',
    idle: 'Still there?',
    privacy: 'What idlens left on this computer',
  },
  es: {
    signIn: 'Inicie sesión en e-Próspera',
    waiting: 'Termine de iniciar sesión en su navegador',
    help: 'Atajos de teclado',
    settings: 'Configuración',
    self: 'Lo que e-Próspera guarda sobre usted',
    compare: 'Selfi + anverso',
    portrait: 'Retrato + selfi',
    single: 'Una',
    adjust: 'Ajustar el área del retrato',
    loupe: 'Lupa',
    zoomIn: 'Acercar',
    actual: '100 %, tamaño real',
    signOut: 'Cerrar sesión',
    idle: '¿Sigue ahí?',
    privacy: 'Lo que idlens dejó en esta computadora',
  },
} as const;

async function decoded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.images].every((img) => img.dataset['status'] === 'ready'),
  );
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

describe.each(CONFIGS)('screens, $scheme, $lang', ({ scheme, locale, lang }) => {
  const text = TEXT[lang];
  const shot = (page: Page, name: string) => screenshot(page, `${scheme}-${lang}-${name}`);
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({
      colorScheme: scheme,
      locale,
      settings: { language: 'system', signInTimeoutSeconds: 300 },
    });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('sign-in, waiting for the browser, and a refused sign-in', async () => {
    const page = stack.page;
    await page.getByRole('heading', { name: text.signIn }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(
      lang === 'es' ? 'es-419' : 'en',
    );
    await shot(page, '01-sign-in');
    stack.signInAs('full', { hold: true });
    await page.getByTestId('sign-in').click();
    await page.getByRole('heading', { name: text.waiting }).waitFor();
    await shot(page, '02-waiting-for-browser');
    await page.getByTestId('sign-in-waiting').getByRole('button').click();
    await stack.releaseSignIn();
    await page.getByTestId('sign-in').waitFor();
    stack.signInAs('full', { deny: true });
    await page.getByTestId('sign-in').click();
    await page.locator('[data-error-code="auth_denied"]').waitFor({ timeout: 30_000 });
    await shot(page, '03-sign-in-refused');
  });

  it('documents, compare with loupe, 400 % zoom, help, settings', async () => {
    const page = stack.page;
    stack.signInAs('full');
    await page.getByTestId('sign-in').click();
    await page.getByRole('heading', { name: text.self }).waitFor({ timeout: 30_000 });
    await decoded(page);
    await page.waitForFunction(() => document.querySelectorAll('.card__sha--match').length === 3);
    await shot(page, '04-documents');
    // At 1360 × 900 the top bar's last button is on screen and the viewer's tools fit one row.
    const wipe = await page.getByTestId('wipe-button').boundingBox();
    expect((wipe?.x ?? 0) + (wipe?.width ?? 0)).toBeLessThanOrEqual(1360);
    const toolbar = await page.getByRole('toolbar').boundingBox();
    expect(toolbar?.height).toBeLessThan(50);

    await page.getByRole('button', { name: text.compare }).click();
    await page.getByTestId('pane-face').waitFor();
    await page.getByRole('button', { name: text.loupe }).click();
    await decoded(page);
    const pane = await page.getByTestId('pane-documentFront').boundingBox();
    if (!pane) throw new Error('no pane');
    await page.mouse.move(pane.x + pane.width * 0.62, pane.y + pane.height * 0.5);
    await page.mouse.move(pane.x + pane.width * 0.64, pane.y + pane.height * 0.52);
    await decoded(page);
    await shot(page, '05-compare-loupe');
    await page.getByRole('button', { name: text.loupe }).click();

    // Portrait compare: the ID's portrait area beside the selfie's face, then the boxes adjusted.
    await page.getByRole('button', { name: text.portrait }).click();
    await page.locator('[data-mode="portrait"]').waitFor();
    await decoded(page);
    expect(
      await page
        .getByTestId('pane-documentFront')
        .locator('img.pane__image')
        .evaluate((img) => img.style.clipPath),
    ).toMatch(/^inset\(/);
    await shot(page, '05b-portrait-compare');
    await page.getByTestId('portrait-adjust').click();
    await page.getByTestId('region-documentFront').waitFor();
    await decoded(page);
    await shot(page, '05c-portrait-adjust');
    await page.getByTestId('portrait-adjust').click();
    await page.getByRole('button', { name: text.single, exact: true }).click();
    await page.getByTestId('pane-face').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: text.actual }).click();
    for (let i = 0; i < 6; i += 1) await page.getByRole('button', { name: text.zoomIn }).click();
    await decoded(page);
    expect(await page.locator('.toolbar__zoom').textContent()).toMatch(/^(3\d\d|4\d\d) %$/);
    await page.getByTestId('minimap-documentFront').waitFor();
    await shot(page, '06-zoomed-navigator');

    // Full window: no side panel, no cards; the navigator still shows where the view is.
    await page.keyboard.press('f');
    await page.locator('[data-full-window="true"]').waitFor();
    await page.getByTestId('side-panel').waitFor({ state: 'hidden' });
    await decoded(page);
    await shot(page, '06b-full-window');
    // The image gets the window's height below the top bar and the tools, not ~540 px.
    const stage = await page.locator('.stage').boundingBox();
    expect(stage?.height).toBeGreaterThan(750);
    await page.keyboard.press('Escape');
    await page.locator('[data-full-window="false"]').waitFor();
    await page.keyboard.press('0');
    await page.getByTestId('panel-toggle').click();
    await page.getByTestId('side-panel').waitFor({ state: 'hidden' });
    await decoded(page);
    await shot(page, '06c-panel-hidden');
    await page.getByTestId('panel-toggle').click();

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: text.help }).waitFor();
    await shot(page, '07-help');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: text.settings, exact: true }).click();
    await page.getByRole('dialog', { name: text.settings }).waitFor();
    await shot(page, '08-settings');
    await page.keyboard.press('Escape');
    // The privacy report is a separate chunk, loaded on demand under the app's CSP.
    await page.getByRole('button', { name: text.privacy }).click();
    const report = page.getByTestId('privacy-report');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.getAttribute('data-verdict')).toBe('clean');
    await shot(page, '08b-privacy-report');
    await page.keyboard.press('Escape');
  });

  it('the receipt on the fresh page after a wipe, then other personas', async () => {
    let page = stack.page;
    await page.getByTestId('wipe-button').click();
    page = await nextPage(stack, page);
    await page.getByTestId('wipe-receipt').waitFor();
    await shot(page, '09-wiped-receipt');

    await page.getByRole('button', { name: text.signOut }).click();
    page = await nextPage(stack, page);
    stack.signInAs('passport');
    await page.getByTestId('sign-in').click();
    await page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
    await decoded(page);
    await shot(page, '10-passport');
    await page.getByRole('button', { name: text.signOut }).click();
    page = await nextPage(stack, page);
    stack.signInAs('unverified');
    await page.getByTestId('sign-in').click();
    await page.getByTestId('not-verified').waitFor({ timeout: 30_000 });
    await shot(page, '11-not-verified');
    await page.getByRole('button', { name: text.signOut }).click();
    page = await nextPage(stack, page);
    stack.signInAs('noscope');
    await page.getByTestId('sign-in').click();
    await page.locator('[data-error-code="missing_scope"]').waitFor({ timeout: 30_000 });
    await shot(page, '12-load-error');
  });
});

describe('screens: the idle warning', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({ settings: { idleMinutes: 2 } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('warns a minute before the idle wipe', async () => {
    const page = stack.page;
    stack.signInAs('full');
    await page.getByTestId('sign-in').click();
    await page.getByTestId('session-panel').waitFor({ timeout: 30_000 });
    await decoded(page);
    // From here on the page's timers run on a controlled clock; the next activity re-arms the
    // idle countdown on it, and a fast-forward brings the warning.
    await page.clock.install();
    await page.keyboard.press('Shift');
    await page.clock.fastForward(61_000);
    await page.getByRole('alertdialog', { name: 'Still there?' }).waitFor();
    await shot(page);
    await page.keyboard.press('k');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  });

  function shot(page: Page) {
    return screenshot(page, 'light-en-13-idle-warning');
  }
});
