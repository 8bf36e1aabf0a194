import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisReport } from '../../shared/analysis.ts';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { TOLD_REPORT } from '../fixtures/analysis-report.ts';
import type { FakeOptions } from './fake-bridge.ts';
import { setup } from './setup.tsx';

/**
 * The two faces the face comparison found, side by side at the same face scale: the portrait
 * compare's boxes start on the comparison's crops, the reviewer can still move them, and the
 * Checks panel has a button that opens that view. Without crops, nothing changes.
 *
 * The fake ID front is 1600 × 1000 and the selfie 900 × 1200 (displayed pixels).
 */

vi.setConfig({ testTimeout: 20_000 });

/** The crops as the analysis reports them: a 500-px square on the card, a 560-px one in the selfie. */
const CROPPED: AnalysisReport = {
  ...TOLD_REPORT,
  face: {
    score: 0.82,
    band: 'same',
    selfieFace: { box: { x: 300, y: 250, width: 320, height: 400 }, confidence: 0.99 },
    portraitFace: { box: { x: 90, y: 240, width: 380, height: 470 }, confidence: 0.97 },
    crops: {
      selfie: { centerX: 460, centerY: 450, size: 560, angleDegrees: 4, outputSize: 150 },
      portrait: { centerX: 280, centerY: 470, size: 500, angleDegrees: -2, outputSize: 150 },
    },
    model: 'face-api 1.7.15',
  },
};
/** 220 px from the top, 30 from the left, 500 square: right 1600 − 530, bottom 1000 − 720. */
const FRONT_ON_FACE = 'inset(220px 1070px 280px 30px)';
/** 170 from the top, 180 from the left, 560 square: right 900 − 740, bottom 1200 − 730. */
const SELFIE_ON_FACE = 'inset(170px 160px 470px 180px)';
/** The fixed guess when there is no face report: 4–35 % × 20–82 % of the card. */
const FRONT_DEFAULT = 'inset(200px 1040px 180px 64px)';

async function documents(lang: 'en' | 'es', options: FakeOptions = {}) {
  const view = setup({ ...options, settings: { language: lang, ...options.settings } });
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
  return view;
}

const paneImage = (slot: string) =>
  screen.getByTestId(`pane-${slot}`).querySelector('img.pane__image') as HTMLImageElement;

/** The crop a pane shows, in image pixels, from its clip-path inset (top right bottom left). */
function cropOf(slot: string, image: { w: number; h: number }) {
  const match = /^inset\((\S+)px (\S+)px (\S+)px (\S+)px\)$/.exec(paneImage(slot).style.clipPath);
  if (!match) throw new Error(`no crop on ${slot}`);
  const [top, right, bottom, left] = match.slice(1).map(Number) as [number, number, number, number];
  return { w: image.w - left - right, h: image.h - top - bottom };
}

/** The pane's drawing scale (screen pixels per image pixel), from its transform. */
function scaleOf(slot: string): number {
  const match = /scale\(([\d.]+)\)/.exec(paneImage(slot).style.transform);
  if (!match) throw new Error(`no scale on ${slot}`);
  return Number(match[1]);
}

/** jsdom lays nothing out: give every pane the same 600 × 600 px, as the split stage does. */
function equalPanes() {
  const measure = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return this.classList.contains('pane__viewport')
      ? new DOMRect(0, 0, 600, 600)
      : measure.call(this);
  });
}

describe.each(['en', 'es'] as const)('comparing the faces found (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  it('"Compare the faces" opens the portrait compare boxed on both crops, at one face scale', async () => {
    const { user } = await documents(lang, { analysis: { status: 'done', report: CROPPED } });
    equalPanes();
    expect(screen.getByTestId('viewer').dataset['mode']).toBe('off');
    await user.click(screen.getByRole('button', { name: t.checks.face.compare }));
    expect(screen.getByTestId('viewer').dataset['mode']).toBe('portrait');
    await waitFor(() => expect(paneImage('documentFront').style.clipPath).toBe(FRONT_ON_FACE));
    expect(paneImage('face').style.clipPath).toBe(SELFIE_ON_FACE);
    // Both crops are squares: in two equal panes each face's crop fills the same screen size.
    const front = cropOf('documentFront', { w: 1600, h: 1000 });
    const selfie = cropOf('face', { w: 900, h: 1200 });
    expect(front).toEqual({ w: 500, h: 500 });
    expect(selfie).toEqual({ w: 560, h: 560 });
    await waitFor(() => expect(scaleOf('documentFront')).not.toBe(1));
    expect(front.w * scaleOf('documentFront')).toBeCloseTo(selfie.w * scaleOf('face'), 1);
    expect(screen.getByTestId('portrait-from-faces').textContent).toBe(t.viewer.portraitFromFaces);
  });

  it('the toolbar’s portrait compare starts on the faces too, and the boxes stay adjustable', async () => {
    const { user } = await documents(lang, { analysis: { status: 'done', report: CROPPED } });
    await user.click(screen.getByRole('button', { name: t.viewer.comparePortrait }));
    await waitFor(() => expect(paneImage('documentFront').style.clipPath).toBe(FRONT_ON_FACE));
    await user.click(screen.getByTestId('portrait-adjust'));
    const box = await screen.findByTestId('region-documentFront');
    box.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await user.click(screen.getByTestId('portrait-adjust'));
    // Two steps right, 2 % of 1600 px; the selfie's box is left where it was.
    await waitFor(() =>
      expect(paneImage('documentFront').style.clipPath).toBe('inset(220px 1038px 280px 62px)'),
    );
    expect(paneImage('face').style.clipPath).toBe(SELFIE_ON_FACE);
    // Moved by the reviewer: no longer where the comparison put it, so the note goes.
    expect(screen.queryByTestId('portrait-from-faces')).toBeNull();
    await user.click(screen.getByRole('button', { name: t.viewer.portraitReset }));
    await waitFor(() => expect(paneImage('documentFront').style.clipPath).toBe(FRONT_ON_FACE));
    expect(screen.getByTestId('portrait-from-faces')).toBeTruthy();
  });

  it('the button puts moved boxes back on the faces', async () => {
    const { user } = await documents(lang, { analysis: { status: 'done', report: CROPPED } });
    await user.click(screen.getByRole('button', { name: t.checks.face.compare }));
    await user.click(screen.getByTestId('portrait-adjust'));
    const box = await screen.findByTestId('region-face');
    box.focus();
    await user.keyboard('{ArrowDown}');
    await user.click(screen.getByRole('button', { name: t.viewer.compareOff }));
    await user.click(screen.getByRole('button', { name: t.checks.face.compare }));
    await waitFor(() => expect(paneImage('face').style.clipPath).toBe(SELFIE_ON_FACE));
    expect(screen.getByTestId('portrait-from-faces')).toBeTruthy();
  });

  it('without both crops: no button, and the portrait compare keeps its fixed guess', async () => {
    // The fixture's comparison found both faces but cropped neither.
    const { user } = await documents(lang, { analysis: { status: 'done', report: TOLD_REPORT } });
    expect(screen.getByTestId('checks-face')).toBeTruthy();
    expect(screen.queryByRole('button', { name: t.checks.face.compare })).toBeNull();
    await user.click(screen.getByRole('button', { name: t.viewer.comparePortrait }));
    await waitFor(() => expect(paneImage('documentFront').style.clipPath).toBe(FRONT_DEFAULT));
    expect(screen.queryByTestId('portrait-from-faces')).toBeNull();
  });

  it('without a report: the fixed guess, no note', async () => {
    const { user } = await documents(lang);
    await user.click(screen.getByRole('button', { name: t.viewer.comparePortrait }));
    await waitFor(() => expect(paneImage('documentFront').style.clipPath).toBe(FRONT_DEFAULT));
    expect(screen.queryByTestId('portrait-from-faces')).toBeNull();
  });

  it('a face box is marked as reported on a selfie stored on its side (no second turn)', async () => {
    const { user } = await documents(lang, {
      analysis: { status: 'done', report: TOLD_REPORT },
      orientation: { face: 6 },
    });
    await user.click(screen.getByRole('button', { name: t.checks.face.showSelfie }));
    const mark = await screen.findByTestId('finding-mark-face');
    // The selfie's face is 320 × 400 in the upright picture; turned again it would be 400 × 320.
    await waitFor(() => expect(parseFloat(mark.style.width)).toBeGreaterThan(0));
    expect(parseFloat(mark.style.width) / parseFloat(mark.style.height)).toBeCloseTo(0.8, 2);
  });
});
