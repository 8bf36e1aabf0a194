import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisReport } from '../../shared/analysis.ts';
import type { FaceComparison } from '../../shared/face-match.ts';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { TOLD_REPORT } from '../fixtures/analysis-report.ts';
import type { FakeOptions } from './fake-bridge.ts';
import { setup } from './setup.tsx';

/**
 * The two faces the face comparison found, side by side at the same face scale and turned so the
 * eyes stand level: the portrait compare's boxes start on the comparison's crops, each pane turns
 * its crop by minus the crop's eye-line angle, the reviewer can still move them, and the Checks
 * panel has a button that opens that view. Without crops, nothing changes and nothing turns.
 *
 * The fake ID front is 1600 × 1000 and the selfie 900 × 1200 (displayed pixels). jsdom lays
 * nothing out and applies no CSS transform, so the tests read the transform and clip each pane's
 * image is given and work out where points of the picture land on screen.
 */

vi.setConfig({ testTimeout: 20_000 });

/**
 * The crops as the analysis reports them: a 500-px square on the card whose eye line slopes 2°
 * up to the right, a 560-px one in the selfie whose eye line slopes 4° down to the right.
 */
const CROPPED: AnalysisReport = {
  ...TOLD_REPORT,
  face: {
    score: 0.82,
    band: 'same',
    selfieFace: { box: { left: 300, top: 250, width: 320, height: 400 }, confidence: 0.99 },
    portraitFace: { box: { left: 90, top: 240, width: 380, height: 470 }, confidence: 0.97 },
    crops: {
      selfie: { centerX: 460, centerY: 450, size: 560, angleDegrees: 4, outputSize: 150 },
      portrait: { centerX: 280, centerY: 470, size: 500, angleDegrees: -2, outputSize: 150 },
    },
    model: 'face-api 1.7.15',
  },
};
/** The same crops with level eyes: nothing to turn. */
const UPRIGHT: AnalysisReport = {
  ...CROPPED,
  face: {
    ...(CROPPED.face as FaceComparison),
    crops: {
      selfie: { centerX: 460, centerY: 450, size: 560, angleDegrees: 0, outputSize: 150 },
      portrait: { centerX: 280, centerY: 470, size: 500, angleDegrees: 0, outputSize: 150 },
    },
  },
};
/** 220 px from the top, 30 from the left, 500 square: right 1600 − 530, bottom 1000 − 720. */
const FRONT_ON_FACE = 'inset(220px 1070px 280px 30px)';
/** 170 from the top, 180 from the left, 560 square: right 900 − 740, bottom 1200 − 730. */
const SELFIE_ON_FACE = 'inset(170px 160px 470px 180px)';
/** The same squares as [x, y, side] before the turn, and each crop's eye-line angle. */
const FRONT_SQUARE = { x: 30, y: 220, side: 500, angle: -2 };
const SELFIE_SQUARE = { x: 180, y: 170, side: 560, angle: 4 };
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

interface Pt {
  x: number;
  y: number;
}

/**
 * Where a point of the picture (image pixels) lands on screen, relative to the pane's centre: the
 * image's CSS transform applied as a browser does — about the element's centre, which the layout
 * puts on the pane's centre; the functions apply right to left.
 */
function onScreen(slot: string, image: { w: number; h: number }, point: Pt): Pt {
  const css = paneImage(slot).style.transform;
  const steps = [...css.matchAll(/(translate3d|translate|rotate|scale)\(([^)]*)\)/g)];
  expect(steps.map((m) => m[0]).join(' ')).toBe(css);
  let p = { x: point.x - image.w / 2, y: point.y - image.h / 2 };
  for (const [, fn, args = ''] of steps.reverse()) {
    const n = args.split(',').map((a) => parseFloat(a));
    if (fn === 'scale') p = { x: p.x * (n[0] ?? 1), y: p.y * (n[0] ?? 1) };
    else if (fn === 'rotate') {
      const a = ((n[0] ?? 0) * Math.PI) / 180;
      p = { x: p.x * Math.cos(a) - p.y * Math.sin(a), y: p.x * Math.sin(a) + p.y * Math.cos(a) };
    } else p = { x: p.x + (n[0] ?? 0), y: p.y + (n[1] ?? 0) };
  }
  return p;
}

/** The turns (degrees) in a pane image's transform: the view's quarter turn, then any levelling. */
function turnsOf(slot: string): number[] {
  return [...paneImage(slot).style.transform.matchAll(/rotate\(([-\d.]+)deg\)/g)].map((m) =>
    Number(m[1]),
  );
}

/** A face's eyes 70 px apart, 40 px above the crop's centre, along the crop's eye line. */
function eyesOf(square: { x: number; y: number; side: number; angle: number }): [Pt, Pt] {
  const c = { x: square.x + square.side / 2, y: square.y + square.side / 2 };
  const a = (square.angle * Math.PI) / 180;
  const at = (dx: number, dy: number) => ({
    x: c.x + dx * Math.cos(a) - dy * Math.sin(a),
    y: c.y + dx * Math.sin(a) + dy * Math.cos(a),
  });
  return [at(-35, -40), at(35, -40)];
}

/** The clip-path polygon's corners, in image pixels. */
function polygonOf(slot: string): Pt[] {
  const match = /^polygon\((.*)\)$/.exec(paneImage(slot).style.clipPath);
  if (!match) throw new Error(`no turned crop on ${slot}`);
  return (match[1] ?? '').split(',').map((pair) => {
    const [x = '', y = ''] = pair.trim().split(/\s+/);
    return { x: parseFloat(x), y: parseFloat(y) };
  });
}

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
    const { user } = await documents(lang, { analysis: { status: 'done', report: UPRIGHT } });
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
    const { user } = await documents(lang, { analysis: { status: 'done', report: UPRIGHT } });
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
    const { user } = await documents(lang, { analysis: { status: 'done', report: UPRIGHT } });
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

  it('each face is turned by its crop’s angle: both stand eyes-level, at one face scale', async () => {
    const { user } = await documents(lang, { analysis: { status: 'done', report: CROPPED } });
    equalPanes();
    await user.click(screen.getByRole('button', { name: t.checks.face.compare }));
    expect(screen.getByTestId('viewer').dataset['mode']).toBe('portrait');
    await waitFor(() => expect(turnsOf('face')).toEqual([0, -4]));
    // The card's eye line slopes 2° up to the right: turned 2° clockwise.
    expect(turnsOf('documentFront')).toEqual([0, 2]);
    await waitFor(() => expect(scaleOf('documentFront')).not.toBe(1));
    const panes = [
      { slot: 'documentFront', image: { w: 1600, h: 1000 }, square: FRONT_SQUARE },
      { slot: 'face', image: { w: 900, h: 1200 }, square: SELFIE_SQUARE },
    ];
    const sides: number[] = [];
    for (const { slot, image, square } of panes) {
      const [left, right] = eyesOf(square).map((p) => onScreen(slot, image, p)) as [Pt, Pt];
      expect(right.y - left.y).toBeCloseTo(0, 6);
      expect(right.x).toBeGreaterThan(left.x);
      // The crop shown is the turned square the analysis sampled: on screen, a level square
      // centred in the pane.
      const corners = polygonOf(slot).map((p) => onScreen(slot, image, p));
      expect(corners).toHaveLength(4);
      const [tl, tr, br, bl] = corners as [Pt, Pt, Pt, Pt];
      expect(tr.y - tl.y).toBeCloseTo(0, 1);
      expect(bl.x - tl.x).toBeCloseTo(0, 1);
      expect(br.x - tr.x).toBeCloseTo(0, 1);
      expect((tl.x + br.x) / 2).toBeCloseTo(0, 1);
      expect((tl.y + br.y) / 2).toBeCloseTo(0, 1);
      sides.push(tr.x - tl.x);
    }
    // Same face scale: the two squares come out the same size on screen.
    expect(sides[0]).toBeCloseTo(sides[1] ?? NaN, 0);
    const note = screen.getByTestId('portrait-levelled');
    expect(note.textContent).toBe(
      `${t.viewer.portraitLevelled}: ${t.slots.documentFront} 2° ${t.viewer.turnedClockwise}; ` +
        `${t.slots.face} 4° ${t.viewer.turnedAnticlockwise}.`,
    );
    // Read with the portrait tools it belongs to.
    expect(screen.getByRole('group', { name: t.viewer.portraitBox }).contains(note)).toBe(true);
  });

  it('moved boxes keep their turn (the frame is drawn turned); reset puts them back, level', async () => {
    const { user } = await documents(lang, { analysis: { status: 'done', report: CROPPED } });
    await user.click(screen.getByRole('button', { name: t.checks.face.compare }));
    await waitFor(() => expect(turnsOf('face')).toEqual([0, -4]));
    const placed = paneImage('face').style.clipPath;
    await user.click(screen.getByTestId('portrait-adjust'));
    const box = await screen.findByTestId('region-face');
    // Over the whole, upright selfie the frame is the part the levelled crop will show.
    await waitFor(() => expect(box.style.transform).toBe('rotate(4deg)'));
    expect(screen.getByTestId('region-documentFront').style.transform).toBe('rotate(-2deg)');
    // The whole picture is shown upright while the boxes are adjusted.
    await waitFor(() => expect(turnsOf('face')).toEqual([0]));
    box.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Shift>}{ArrowRight}{/Shift}');
    await user.click(screen.getByTestId('portrait-adjust'));
    // The clip and the turn land in the pane's next paint: wait for both.
    await waitFor(() => {
      expect(paneImage('face').style.clipPath).not.toBe(placed);
      expect(turnsOf('face')).toEqual([0, -4]);
    });
    expect(screen.queryByTestId('portrait-from-faces')).toBeNull();
    await user.click(screen.getByRole('button', { name: t.viewer.portraitReset }));
    await waitFor(() => {
      expect(paneImage('face').style.clipPath).toBe(placed);
      expect(turnsOf('face')).toEqual([0, -4]);
      expect(turnsOf('documentFront')).toEqual([0, 2]);
    });
    expect(screen.getByTestId('portrait-from-faces')).toBeTruthy();
    expect(screen.getByTestId('portrait-levelled')).toBeTruthy();
  });

  it('a quarter turn of the view turns both levelled faces together, eyes still in line', async () => {
    const { user } = await documents(lang, { analysis: { status: 'done', report: CROPPED } });
    equalPanes();
    await user.click(screen.getByRole('button', { name: t.checks.face.compare }));
    await user.click(screen.getByRole('button', { name: t.viewer.rotateRight }));
    await waitFor(() => expect(turnsOf('face')).toEqual([90, -4]));
    expect(turnsOf('documentFront')).toEqual([90, 2]);
    // Turned a quarter, the eye line is vertical: both eyes at one x.
    const [left, right] = eyesOf(SELFIE_SQUARE).map((p) =>
      onScreen('face', { w: 900, h: 1200 }, p),
    ) as [Pt, Pt];
    expect(right.x - left.x).toBeCloseTo(0, 6);
  });

  it('a selfie stored on its side is levelled by its crop’s angle alone (no turn for EXIF)', async () => {
    const { user } = await documents(lang, {
      analysis: { status: 'done', report: CROPPED },
      orientation: { face: 6 },
    });
    equalPanes();
    await user.click(screen.getByRole('button', { name: t.checks.face.compare }));
    await waitFor(() => expect(turnsOf('face')).toEqual([0, -4]));
    const [left, right] = eyesOf(SELFIE_SQUARE).map((p) =>
      onScreen('face', { w: 900, h: 1200 }, p),
    ) as [Pt, Pt];
    expect(right.y - left.y).toBeCloseTo(0, 6);
    expect(right.x).toBeGreaterThan(left.x);
  });

  it('crops with level eyes are not turned, and no levelling note is shown', async () => {
    const { user } = await documents(lang, { analysis: { status: 'done', report: UPRIGHT } });
    await user.click(screen.getByRole('button', { name: t.checks.face.compare }));
    await waitFor(() => expect(paneImage('face').style.clipPath).toBe(SELFIE_ON_FACE));
    expect(turnsOf('face')).toEqual([0]);
    expect(screen.queryByTestId('portrait-levelled')).toBeNull();
  });

  it('without both crops: no button, and the portrait compare keeps its fixed guess', async () => {
    // The fixture's comparison found both faces but cropped neither.
    const { user } = await documents(lang, { analysis: { status: 'done', report: TOLD_REPORT } });
    expect(screen.getByTestId('checks-face')).toBeTruthy();
    expect(screen.queryByRole('button', { name: t.checks.face.compare })).toBeNull();
    await user.click(screen.getByRole('button', { name: t.viewer.comparePortrait }));
    await waitFor(() => expect(paneImage('documentFront').style.clipPath).toBe(FRONT_DEFAULT));
    expect(screen.queryByTestId('portrait-from-faces')).toBeNull();
    expect(turnsOf('documentFront')).toEqual([0]);
    expect(turnsOf('face')).toEqual([0]);
  });

  it('without a report: the fixed guess, upright, no note; a box moved by hand stays upright', async () => {
    const { user } = await documents(lang);
    await user.click(screen.getByRole('button', { name: t.viewer.comparePortrait }));
    await waitFor(() => expect(paneImage('documentFront').style.clipPath).toBe(FRONT_DEFAULT));
    expect(screen.queryByTestId('portrait-from-faces')).toBeNull();
    expect(screen.queryByTestId('portrait-levelled')).toBeNull();
    await user.click(screen.getByTestId('portrait-adjust'));
    const box = await screen.findByTestId('region-face');
    expect(box.style.transform).toBe('');
    box.focus();
    await user.keyboard('{ArrowRight}{Shift>}{ArrowDown}{/Shift}');
    await user.click(screen.getByTestId('portrait-adjust'));
    await waitFor(() => expect(paneImage('face').style.clipPath).toMatch(/^inset\(/));
    expect(turnsOf('face')).toEqual([0]);
    expect(turnsOf('documentFront')).toEqual([0]);
    expect(screen.queryByTestId('portrait-levelled')).toBeNull();
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
