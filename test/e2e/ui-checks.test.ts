import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signInAndLoad, startUiStack, type UiStack } from './ui-stack.ts';

/**
 * The Checks panel filled by the REAL analysis process (worker running core/analysis/process/worker.ts:
 * tesseract.js with its packaged model) for the demo's `full` persona, through the real main-side
 * services (`composeApp`) and the built renderer in Chromium: the status line, the zone read off
 * the ID back, the registry compared, the zone marked on the image; light and dark screenshots.
 */

const SCOPES = ['openid', 'eprospera:person.id_verification.read', 'eprospera:person.details.read'];

describe.each([
  { scheme: 'light', locale: 'en-US', lang: 'en' },
  { scheme: 'dark', locale: 'en-US', lang: 'en' },
  { scheme: 'dark', locale: 'es-HN', lang: 'es' },
] as const)('the Checks panel, $scheme, $lang', ({ scheme, locale, lang }) => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({
      colorScheme: scheme,
      locale,
      settings: { language: 'system', scopes: SCOPES },
      analysis: true,
    });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('is filled from the analysis process for the demo persona', async () => {
    await signInAndLoad(stack, 'full');
    const page = stack.page;
    await page
      .locator('[data-testid="checks-panel"][data-status="done"]')
      .waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('checks-status').textContent()).toBe(
      lang === 'en'
        ? 'Checked on this computer, in a separate process. Nothing was sent anywhere.'
        : 'Comprobado en este equipo, en un proceso aparte. No se envió nada a ningún sitio.',
    );
    expect(await page.getByTestId('checks-mrz-lines').textContent()).toBe(
      [
        'IDUTOSPC0000014<<<<<<<<<<<<<<<',
        '9001011<3401158UTO<<<<<<<<<<<4',
        'SPECIMEN<<ALEX<SPECIMEN<<<<<<<',
      ].join('\n'),
    );
    const digits = await page.getByTestId('checks-digits').locator('li').all();
    expect(digits.length).toBeGreaterThanOrEqual(4);
    for (const li of digits) expect(await li.getAttribute('data-ok')).toBe('true');
    const verdicts = await page
      .getByTestId('checks-registry')
      .locator('li[data-verdict]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-verdict')));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts).not.toContain('differs');
    expect(await page.getByTestId('checks-quality-documentBack').count()).toBe(1);

    // Keyboard: the zone's button marks it on the back, switching the viewer there.
    await page.getByTestId('show-mrz').focus();
    await page.keyboard.press('Enter');
    const mark = page.getByTestId('finding-mark-documentBack');
    await mark.waitFor();
    const box = await mark.boundingBox();
    expect(box?.width).toBeGreaterThan(20);
    await page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
    await screenshot(page, `${scheme}-${lang}-checks-marked`);
    await page.locator('#checks-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, `${scheme}-${lang}-checks-panel`);

    // "Compare the faces": each face's crop turned by its eye line's angle, as Chromium draws it.
    await page.getByTestId('compare-faces').click();
    await page.locator('[data-mode="portrait"]').waitFor();
    await page.locator('[data-testid="pane-face"][data-level-turn]').waitFor();
    await page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
    for (const slot of ['documentFront', 'face']) {
      const drawn = await page.getByTestId(`pane-${slot}`).evaluate((pane) => {
        const img = pane.querySelector('img.pane__image') as HTMLImageElement;
        const m = new DOMMatrix(getComputedStyle(img).transform);
        const clip = /^polygon\((.*)\)$/.exec(img.style.clipPath);
        // Corners of the crop in image pixels (a turned square), or of the upright inset.
        const corners = clip
          ? (clip[1] ?? '').split(',').map((pair) => pair.trim().split(/\s+/).map(parseFloat))
          : [];
        const cx = img.offsetWidth / 2;
        const cy = img.offsetHeight / 2;
        const onScreen = corners.map(([x = 0, y = 0]) =>
          m.transformPoint({ x: x - cx, y: y - cy }),
        );
        return {
          turn: Number(pane.dataset['levelTurn']),
          angle: (Math.atan2(m.b, m.a) * 180) / Math.PI,
          corners: onScreen.map((p) => ({ x: p.x, y: p.y })),
        };
      });
      // The view is not turned: what Chromium applies is the levelling turn alone.
      expect(drawn.angle).toBeCloseTo(drawn.turn, 3);
      // The demo's faces are both tilted a little (about 2–3°), so both crops are turned...
      expect(Math.abs(drawn.turn)).toBeGreaterThan(0.5);
      // ...and each turned crop comes out a level square on screen.
      const [tl, tr, br, bl] = drawn.corners;
      expect(drawn.corners).toHaveLength(4);
      expect((tr?.y ?? NaN) - (tl?.y ?? NaN)).toBeCloseTo(0, 1);
      expect((bl?.x ?? NaN) - (tl?.x ?? NaN)).toBeCloseTo(0, 1);
      expect((br?.x ?? NaN) - (bl?.x ?? NaN)).toBeCloseTo((br?.y ?? NaN) - (tr?.y ?? NaN), 1);
    }
    await screenshot(page, `${scheme}-${lang}-faces-compared`);
  }, 150_000);
});
