import type { Input, WebContents } from 'electron';

/**
 * Page zoom for people who need larger text (WCAG 1.4.4): Ctrl+Shift+Plus / Minus / 0 (⌘ on
 * macOS) scale the whole page, which reflows down to 320 CSS px. Ctrl +/−/0 without Shift stay
 * the viewer's image zoom. Pinch stays the viewer's too (visual zoom limits in window.ts).
 *
 * Nothing of it reaches disk: Electron gives a session a zoom-level store only when the session
 * is persistent (`ElectronBrowserContext::CreateZoomLevelDelegate` returns none when the context
 * is off the record, which an in-memory partition is), and main refuses to start unless the
 * viewer's session is in memory (`storagePath === null`, main.ts). The level lives in that
 * session for the run, so it survives the page replaced after a wipe, and ends with the app.
 */

/** The steps Chromium's own zoom menu offers, from half size to four times. */
export const PAGE_ZOOM_FACTORS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export type PageZoomStep = 'in' | 'out' | 'reset';

type KeyInput = Pick<Input, 'type' | 'code' | 'control' | 'meta' | 'shift' | 'alt'>;

export function pageZoomStep(input: KeyInput, mac: boolean): PageZoomStep | null {
  if (input.type !== 'keyDown' || !input.shift || input.alt) return null;
  if (!(mac ? input.meta : input.control)) return null;
  switch (input.code) {
    case 'Equal':
    case 'NumpadAdd':
      return 'in';
    case 'Minus':
    case 'NumpadSubtract':
      return 'out';
    case 'Digit0':
    case 'Numpad0':
      return 'reset';
    default:
      return null;
  }
}

/** The next factor on the ladder from `current` (which may sit between two steps). */
export function nextZoomFactor(current: number, step: PageZoomStep): number {
  if (step === 'reset') return 1;
  const ladder = step === 'in' ? PAGE_ZOOM_FACTORS : [...PAGE_ZOOM_FACTORS].reverse();
  const next = ladder.find((f) => (step === 'in' ? f > current + 0.001 : f < current - 0.001));
  return next ?? (ladder.at(-1) as number);
}

export function allowPageZoom(
  contents: Pick<WebContents, 'on' | 'getZoomFactor' | 'setZoomFactor'>,
  mac: boolean = process.platform === 'darwin',
): void {
  contents.on('before-input-event', (event, input) => {
    const step = pageZoomStep(input, mac);
    if (!step) return;
    event.preventDefault();
    contents.setZoomFactor(nextZoomFactor(contents.getZoomFactor(), step));
  });
}
