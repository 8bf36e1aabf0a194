import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextPage, signInAndLoad, startUiStack, type UiStack } from './ui-stack.ts';

/**
 * What axe cannot see, in real Chromium on the built renderer: the top bar's exits reachable by
 * mouse and keyboard at every window size from the app's minimum (900 × 600), at 960 × 540 (a
 * 1080p screen at 200 %), at 200 % page zoom of the minimum window (450 × 300 CSS px) and at
 * 320 CSS px wide (WCAG 1.4.10 reflow) without sideways scrolling; the cards' copy buttons with a
 * real mouse click; the viewer panes' focus ring on an image; focus and the live region after
 * each screen change.
 */

const SIZES = [
  { width: 1360, height: 900, name: 'default window' },
  { width: 900, height: 600, name: 'minimum window' },
  { width: 960, height: 540, name: '1080p at 200 %' },
  { width: 450, height: 300, name: 'minimum window at 200 % zoom' },
  { width: 480, height: 270, name: '1080p at 400 %' },
  { width: 320, height: 480, name: '320 CSS px (reflow)' },
] as const;

const TEXT = {
  en: { settings: 'Settings', signOut: 'Sign out', wipe: 'Wipe now' },
  es: { settings: 'Configuración', signOut: 'Cerrar sesión', wipe: 'Borrar ahora' },
} as const;

async function setLanguage(page: Page, lang: 'en' | 'es'): Promise<void> {
  await page.locator('.lang-switch select').selectOption(lang);
  await page.waitForFunction(
    (tag) => document.documentElement.lang === tag,
    lang === 'es' ? 'es-419' : 'en',
  );
}

/** The button is drawn whole inside the viewport, and a click at its centre lands on it. */
async function reachable(page: Page, button: Locator, size: { width: number; height: number }) {
  await button.waitFor();
  const box = await button.boundingBox();
  if (!box) throw new Error('not rendered');
  expect(box.width).toBeGreaterThan(20);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height + 0.5);
  const hit = await button.evaluate(
    (el, [x, y]) => {
      const top = document.elementFromPoint(x, y);
      return top !== null && (top === el || el.contains(top));
    },
    [box.x + box.width / 2, box.y + box.height / 2] as const,
  );
  expect(hit).toBe(true);
}

/** Tab from the top of the page reaches the button, and focus shows it on screen. */
async function tabsTo(page: Page, button: Locator, size: { width: number; height: number }) {
  // From the first stop of the page, the skip link.
  await page.locator('.skip-link').focus();
  const trail: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    trail.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('aria-label') ?? el?.textContent.slice(0, 20) ?? '';
      }),
    );
    if (await button.evaluate((el) => el === document.activeElement)) {
      const box = await button.boundingBox();
      expect(box && box.y + box.height <= size.height + 0.5 && box.x >= 0).toBe(true);
      return;
    }
  }
  throw new Error(
    `Tab never reached the button at ${size.width}×${size.height}: ${trail.join(' → ')}`,
  );
}

/**
 * Sideways overflow, as a person would meet it: the page scrolls sideways, or an element is drawn
 * past the window's right edge (inside a scroller or clipped). The viewer's stage, where a zoomed
 * image is meant to exceed its pane, and visually hidden text are left out.
 */
async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push('the page scrolls sideways');
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.stage, .visually-hidden, .skip-link, .offscreen')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) {
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
      }
    }
    return out.slice(0, 8);
  });
}

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function rgbOf(css: string): number[] {
  const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(css);
  if (!m) throw new Error(`not a colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

describe('the top bar’s exits at every window size, in English and Spanish', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({ settings: { language: 'en' } });
    await signInAndLoad(stack, 'full');
  });
  afterAll(async () => {
    await stack.close();
  });

  for (const lang of ['en', 'es'] as const) {
    it(`Settings, Sign out and Wipe now: visible, inside the window, hit by the mouse, reached by Tab (${lang})`, async () => {
      const page = stack.page;
      await setLanguage(page, lang);
      const text = TEXT[lang];
      const settings = page.getByRole('button', { name: text.settings, exact: true });
      const signOut = page.getByRole('button', { name: text.signOut, exact: true });
      const wipe = page.getByTestId('wipe-button');
      expect(await wipe.textContent()).toContain(text.wipe);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => window.scrollTo(0, 0));
        for (const button of [settings, signOut, wipe]) await reachable(page, button, size);
        // Nothing scrolls sideways or is drawn past the window (WCAG 1.4.10).
        expect(await sideways(page), size.name).toEqual([]);
        for (const button of [settings, signOut, wipe]) await tabsTo(page, button, size);
        // A real mouse click on Settings opens it.
        await page.evaluate(() => window.scrollTo(0, 0));
        await settings.click();
        await page.getByRole('dialog').waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
      await page.setViewportSize({ width: 1360, height: 900 });
    });
  }

  it('Wipe now works by mouse at the smallest size', async () => {
    const old = stack.page;
    await setLanguage(old, 'en');
    await old.setViewportSize({ width: 320, height: 480 });
    await old.getByTestId('wipe-button').click();
    const page = await nextPage(stack, old);
    await page.getByTestId('wipe-receipt').waitFor();
  });
});

describe('reflow at 320 CSS px on the other screens', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({ settings: { language: 'es' } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('sign-in, the help and the settings dialog: no sideways scrolling, the dialog inside the window', async () => {
    const page = stack.page;
    await page.setViewportSize({ width: 320, height: 480 });
    await page.getByTestId('sign-in').waitFor();
    expect(await sideways(page)).toEqual([]);
    // Below the fold at this size: the page scrolls down to it, and it is whole and clickable.
    await page.getByTestId('sign-in').scrollIntoViewIfNeeded();
    await reachable(page, page.getByTestId('sign-in'), { width: 320, height: 480 });
    for (const open of [
      () => page.keyboard.press('F1'),
      () => page.getByRole('button', { name: TEXT.es.settings, exact: true }).click(),
    ]) {
      await open();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const box = await dialog.boundingBox();
      expect(
        box && box.x >= 0 && box.x + box.width <= 320.5 && box.y >= 0,
        JSON.stringify(box),
      ).toBe(true);
      expect(await sideways(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
  });
});

describe('copying a SHA-256 with the mouse', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({ settings: { language: 'en' } });
    await stack.harness.context.grantPermissions(['clipboard-write'], {
      origin: stack.harness.origin,
    });
    await signInAndLoad(stack, 'full');
  });
  afterAll(async () => {
    await stack.close();
  });

  it('a real click on each card’s copy button copies that card’s hash, and the hash is selectable', async () => {
    const page = stack.page;
    await page.waitForFunction(() => document.querySelectorAll('.card__sha--match').length === 3);
    const scratch = await stack.harness.context.newPage();
    await scratch.setContent('<textarea></textarea>');
    for (const slot of ['documentFront', 'documentBack', 'face']) {
      const card = page.getByTestId(`card-${slot}`);
      const hash = (await card.locator('.card__sha-value').textContent()) ?? '';
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      const button = card.locator('[data-copy-state]');
      // Playwright's click refuses when another element would take the click at that point.
      await button.click({ timeout: 5000 });
      await card.locator('[data-copy-state="copied"]').waitFor();
      // Read the clipboard the way a person would: paste it somewhere else.
      await scratch.bringToFront();
      await scratch.locator('textarea').fill('');
      await scratch.locator('textarea').focus();
      await scratch.keyboard.press('ControlOrMeta+V');
      expect(await scratch.locator('textarea').inputValue()).toBe(hash);
      await page.bringToFront();
      // The hash text itself is under the mouse, not the card's overlay.
      const hit = await card.locator('.card__sha-value').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return top !== null && el.contains(top);
      });
      expect(hit).toBe(true);
    }
    await scratch.close();
  });
});

describe.each(['light', 'dark'] as const)('the viewer pane’s focus ring (%s)', (scheme) => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({ colorScheme: scheme, settings: { language: 'en' } });
    await signInAndLoad(stack, 'full');
  });
  afterAll(async () => {
    await stack.close();
  });

  it('is two-tone, drawn above the image, and ≥ 3:1 against the image and the frame', async () => {
    const page = stack.page;
    const pane = page.getByTestId('pane-documentFront');
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.dataset['status'] === 'ready'),
    );
    // Zoom in so the image covers the whole pane, edges included.
    await pane.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('+');
    await page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
    expect(await pane.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    const colours = await pane.evaluate((el) => {
      const resolve = (value: string) => {
        const probe = document.createElement('span');
        probe.style.color = value;
        document.body.append(probe);
        const rgb = getComputedStyle(probe).color;
        probe.remove();
        return rgb;
      };
      return {
        outer: resolve('var(--ring-outer)'),
        inner: resolve('var(--ring-inner)'),
        frame: getComputedStyle(el.closest('.viewer') as Element).backgroundColor,
        stage: getComputedStyle(el.closest('.stage') as Element).backgroundColor,
      };
    });
    const outer = rgbOf(colours.outer);
    const inner = rgbOf(colours.inner);
    // Two tones far apart (WCAG technique C40): whatever borders the ring, one tone stands out.
    expect(contrast(outer, inner), JSON.stringify(colours)).toBeGreaterThanOrEqual(9);
    for (const around of [rgbOf(colours.frame), rgbOf(colours.stage)]) {
      expect(Math.max(contrast(outer, around), contrast(inner, around))).toBeGreaterThanOrEqual(3);
    }

    // As drawn: the pane's edge shows the two tones over the zoomed image.
    const box = await pane.boundingBox();
    if (!box) throw new Error('no pane');
    const png = await page.screenshot({ clip: box, animations: 'disabled' });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    };
    const ys = [0.3, 0.5, 0.7].map((f) => Math.round(info.height * f));
    for (const y of ys) {
      expect(contrast(at(0, y), outer)).toBeLessThan(1.2);
      expect(contrast(at(3, y), inner)).toBeLessThan(1.2);
      // The image just inside the ring: one of the tones stands ≥ 3:1 against it.
      const image = at(8, y);
      expect(Math.max(contrast(outer, image), contrast(inner, image))).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('focus and the live region after each screen change, in Chromium', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack({ settings: { language: 'en' } });
  });
  afterAll(async () => {
    await stack.close();
  });
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const announced = (page: Page) => page.getByTestId('announcer').textContent();

  it('sign-in and load: the documents heading, and their arrival announced', async () => {
    const page = stack.page;
    await signInAndLoad(stack, 'full');
    await page.waitForFunction(() => document.activeElement?.id === 'documents-title');
    expect(await announced(page)).toBe('Documents loaded: 3 images shown.');
    expect(await page.getByTestId('announcer').getAttribute('aria-live')).toBe('polite');
  });

  it('the wipe: on the fresh page, focus on the receipt and the wipe announced', async () => {
    const old = stack.page;
    await old.getByTestId('wipe-button').click();
    const page = await nextPage(stack, old);
    await page.getByTestId('wipe-receipt').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'receipt-title');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="announcer"]')?.textContent !== '',
    );
    expect(await announced(page)).toBe('Wiped: 3 images cleared from this window.');
  });

  it('a load error: focus on its heading, the failure announced', async () => {
    const old = stack.page;
    await old.getByRole('button', { name: 'Sign out' }).click();
    const page = await nextPage(stack, old);
    stack.signInAs('noscope');
    await page.getByTestId('sign-in').click();
    await page.locator('[data-error-code="missing_scope"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'load-error-title');
    expect(await focused(page)).toBe('load-error-title');
    expect(await announced(page)).toBe('The documents could not be loaded.');
  });
});
