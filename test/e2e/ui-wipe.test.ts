import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextPage, signInAndLoad, startUiStack, type UiStack } from './ui-stack.ts';

const SESSION_ID = '3f1c2a9e-5b7d-4e8a-9c01-0d2e4f6a8b10';

/** Records every object URL the page makes, to try them again after the wipe. */
async function recordObjectUrls(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __made: string[] };
    w.__made = [];
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      const url = make(blob);
      w.__made.push(url);
      return url;
    };
  });
}

/** Tries to load each URL as an image: 'error' means the URL no longer resolves. */
async function tryUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const made = (window as unknown as { __made: string[] }).__made;
    return Promise.all(
      made.map(
        (url) =>
          new Promise<string>((resolve) => {
            const img = new Image();
            img.onload = () => resolve('loaded');
            img.onerror = () => resolve('error');
            img.src = url;
          }),
      ),
    );
  });
}

/** A heap snapshot of the page (after a full GC), as the raw JSON text. */
async function heapText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

/** Signs in (or, when still signed in after a wipe, loads again) and waits for the documents. */
async function showDocuments(stack: UiStack): Promise<void> {
  const page = stack.page;
  await page.locator('[data-testid="sign-in"], [data-testid="load-documents"]').first().waitFor();
  if (await page.getByTestId('sign-in').count()) await signInAndLoad(stack, 'full');
  else await page.getByTestId('load-documents').click();
  await page.getByTestId('session-panel').waitFor();
}

describe('wipe in Chromium', () => {
  let stack: UiStack;
  beforeAll(async () => {
    stack = await startUiStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('clears the page: no image in the DOM, no object URL resolves, the receipt shows; main then replaces the page', async () => {
    const page = stack.page;
    await recordObjectUrls(page);
    await signInAndLoad(stack, 'full');
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.dataset['status'] === 'ready'),
    );
    expect(await page.locator('img').count()).toBeGreaterThanOrEqual(4);

    stack.holdReplacement(true);
    await page.getByTestId('wipe-button').click();
    const receipt = page.getByTestId('wipe-receipt');
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('3 images cleared');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML.includes('blob:'))).toBe(false);
    const outcomes = await tryUrls(page);
    expect(outcomes.length).toBeGreaterThanOrEqual(4);
    expect(outcomes.every((o) => o === 'error')).toBe(true);

    const fresh = await stack.releaseReplacement();
    expect(fresh).not.toBe(page);
    const again = fresh.getByTestId('wipe-receipt');
    await again.waitFor();
    expect(await again.textContent()).toContain('Wipe button');
    expect(await fresh.locator('img').count()).toBe(0);
    // Still signed in, but nothing comes back until the person asks.
    await fresh.getByTestId('load-documents').waitFor();
  });

  it('after a wipe the page heap holds no trace of the session id (before: it does)', async () => {
    const page = stack.page;
    await showDocuments(stack);
    expect((await heapText(page)).includes(SESSION_ID)).toBe(true);
    stack.holdReplacement(true);
    await page.getByTestId('wipe-button').click();
    await page.getByTestId('wipe-receipt').waitFor();
    const after = await heapText(page);
    expect(after.includes(SESSION_ID)).toBe(false);
    await stack.releaseReplacement();
  });

  it('dragging an image produces no file and no download', async () => {
    const page = stack.page;
    await showDocuments(stack);
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.dataset['status'] === 'ready'),
    );
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.evaluate(() => {
      const w = window as unknown as {
        __drags: { started: number; allowed: number; files: number };
      };
      w.__drags = { started: 0, allowed: 0, files: 0 };
      window.addEventListener('dragstart', (e) => {
        w.__drags.started += 1;
        if (!e.defaultPrevented) w.__drags.allowed += 1;
        w.__drags.files += e.dataTransfer?.files.length ?? 0;
      });
      window.addEventListener('drop', (e) => {
        w.__drags.files += e.dataTransfer?.files.length ?? 0;
      });
    });
    // From a thumbnail and from the viewer, out across the window.
    for (const source of ['[data-testid="card-face"] img', '[data-testid="pane-documentFront"]']) {
      const box = await page.locator(source).first().boundingBox();
      if (!box) throw new Error(`no box for ${source}`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 40, box.y + 10, { steps: 5 });
      await page.mouse.move(5, 5, { steps: 5 });
      await page.mouse.up();
    }
    // Playwright's own drag and drop, forced onto the image (which takes no pointer events).
    await page
      .locator('[data-testid="card-face"] img')
      .dragTo(page.getByTestId('session-panel'), { force: true, timeout: 5000 });
    const fromImages = await page.evaluate(
      () => (window as unknown as { __drags: { started: number } }).__drags.started,
    );
    // The same gesture on something the browser would drag (a link) does start a drag — which
    // the page cancels too: the recorder sees drags, and nothing in this page may be dragged out.
    await page.evaluate(() => {
      const probe = document.createElement('a');
      probe.href = '#probe';
      probe.id = 'drag-probe';
      probe.textContent = 'drag probe';
      probe.className = 'skip-link';
      probe.style.top = '300px';
      document.body.append(probe);
    });
    const probe = await page.locator('#drag-probe').boundingBox();
    if (!probe) throw new Error('no probe');
    await page.mouse.move(probe.x + 5, probe.y + 5);
    await page.mouse.down();
    await page.mouse.move(probe.x + 200, probe.y + 200, { steps: 8 });
    await page.mouse.up();
    const drags = await page.evaluate(
      () =>
        (window as unknown as { __drags: { started: number; allowed: number; files: number } })
          .__drags,
    );
    expect(drags.started).toBeGreaterThan(fromImages);
    expect(drags.allowed).toBe(0);
    expect(drags.files).toBe(0);
    expect(downloads).toEqual([]);
    // Signing out leaves the page via a wipe.
    stack.holdReplacement(false);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const fresh = await nextPage(stack, page);
    await fresh.getByTestId('sign-in').waitFor();
  });
});
