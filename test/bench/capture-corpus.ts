/**
 * Captures as phones make them, with known truth: a TD1 ID back or a TD3 passport data page of a
 * random person (mrz-corpus.ts) lying on a table, photographed at 1280×720 or 1920×1080, the
 * document filling 55–70 % of the frame's width — one condition at a time, so that accuracy is
 * measured per condition:
 *
 * - `upright`: turned ±3°, seen from above;
 * - `perspective10` / `20` / `30`: the camera tilted 10°, 20° or 30° from the document's normal
 *   (a true pinhole projection, focal length 0.8 × the frame's width), turned ±5°;
 * - `rotation`: turned anywhere in 0–360° (specimens 0–2 exactly 90°, 180° and 270°);
 * - `upsideDown`: turned 180° ± 3° (the back photographed from the other side of the table);
 * - `glare`: a lamp's reflection over part of the zone, its core saturated over a few characters;
 * - `small`: capitals 10–14 px tall in the frame;
 * - `motion`: motion blur of 3–5 px in a random direction, then JPEG quality 60;
 * - `bent`: the page bent along its width (up to 3 % of its height) with the shadow of the fold;
 * - `background`: a wood-grain, checked, pale or cluttered table under the document.
 *
 * Deterministic: specimen `i` of a condition is always the same bytes on one sharp build.
 */
import sharp, { type OverlayOptions } from 'sharp';
import { td1, td3 } from '../../demo/mrz-lines.ts';
import { mrzZone, prng } from '../../demo/specimens.ts';
import type { Registry } from '../../shared/ipc.ts';
import {
  applyHomography,
  homographyFrom,
  type Point,
} from '../../core/analysis/image/homography.ts';
import { person, registryOf } from './mrz-corpus.ts';

export const CAPTURE_CONDITIONS = [
  'upright',
  'perspective10',
  'perspective20',
  'perspective30',
  'rotation',
  'upsideDown',
  'glare',
  'small',
  'motion',
  'bent',
  'background',
] as const;
export type CaptureCondition = (typeof CAPTURE_CONDITIONS)[number];

export interface CaptureSpecimen {
  condition: CaptureCondition;
  bytes: Uint8Array;
  lines: string[];
  format: 'TD1' | 'TD3';
  registry: Registry;
  /** The document's corners in the frame: top-left, top-right, bottom-right, bottom-left as it reads. */
  corners: Point[];
  /** Its in-plane turn, degrees clockwise (0–360). */
  angle: number;
  /** A few words on what was done, for the bench's table. */
  what: string;
}

type Rnd = () => number;

/** The document itself, flat, at `width` pixels (TD1 at the ID-1 ratio, TD3 at the ID-3 ratio). */
function documentSvg(lines: readonly string[], passport: boolean, label: string): string {
  const width = 1800;
  const height = passport ? 1270 : 1137;
  const zoneTop = height - (passport ? 340 : 440);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width}" height="${height}" rx="60" fill="#ece6da"/>
    <text x="90" y="120" font-family="DejaVu Sans" font-size="50" fill="#333">SPECIMEN ${label}</text>
    <rect x="90" y="180" width="400" height="${zoneTop - 260}" fill="#c9c0b0"/>
    <text x="560" y="260" font-family="DejaVu Sans" font-size="40" fill="#333">SURNAME / GIVEN NAMES</text>
    <text x="560" y="330" font-family="DejaVu Sans" font-size="40" fill="#333">DATE OF BIRTH · EXPIRY</text>
    <rect x="0" y="${zoneTop}" width="${width}" height="${height - zoneTop - 40}" fill="#f3f1ea"/>
    ${mrzZone(lines, passport ? { x: 90, y: zoneTop + 100, width: 1620, lineGap: 100, size: 60 } : { x: 140, y: zoneTop + 100, width: 1520, lineGap: 105, size: 72 })}
  </svg>`;
}

/** Cap height of the zone's glyphs as a share of the document's width (OCR-B outlines' 0.7 em). */
function capShare(passport: boolean): number {
  return ((passport ? 60 : 72) * 0.7) / 1800;
}

function backgroundSvg(kind: number, width: number, height: number, rnd: Rnd): string {
  const parts: string[] = [];
  if (kind === 0) {
    // Wood grain: warm stripes of varying tone.
    parts.push(`<rect width="${width}" height="${height}" fill="#7a5230"/>`);
    for (let y = 0; y < height; y += 6 + Math.floor(rnd() * 14)) {
      const tone = 90 + Math.floor(rnd() * 50);
      parts.push(
        `<rect x="0" y="${y}" width="${width}" height="${3 + Math.floor(rnd() * 8)}" fill="rgb(${tone + 30},${tone},${Math.floor(tone * 0.6)})" opacity="0.6"/>`,
      );
    }
  } else if (kind === 1) {
    // A checked tablecloth.
    parts.push(`<rect width="${width}" height="${height}" fill="#e8e0d0"/>`);
    const step = 40 + Math.floor(rnd() * 40);
    for (let x = 0; x < width; x += 2 * step)
      parts.push(
        `<rect x="${x}" y="0" width="${step}" height="${height}" fill="#b03030" opacity="0.45"/>`,
      );
    for (let y = 0; y < height; y += 2 * step)
      parts.push(
        `<rect x="0" y="${y}" width="${width}" height="${step}" fill="#b03030" opacity="0.45"/>`,
      );
  } else if (kind === 2) {
    // A pale desk, close to the document's own paper.
    parts.push(`<rect width="${width}" height="${height}" fill="#d8d4cc"/>`);
  } else {
    // A cluttered dark desk: papers, a pen, a phone.
    parts.push(`<rect width="${width}" height="${height}" fill="#3a3d42"/>`);
    for (let k = 0; k < 6; k++) {
      const w = 80 + rnd() * 300;
      const h = 60 + rnd() * 240;
      parts.push(
        `<rect x="${(rnd() * width).toFixed(0)}" y="${(rnd() * height).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${['#f5f5f0', '#222', '#c8b27a', '#5577aa'][k % 4]}" transform="rotate(${(rnd() * 90).toFixed(0)})"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

/** The document's corners projected by a pinhole camera tilted `tilt` degrees about `axis`. */
function projectedCorners(
  w: number,
  h: number,
  angle: number,
  tilt: number,
  axis: number,
  frame: { width: number; height: number },
  centre: Point,
): Point[] {
  const f = 0.8 * frame.width;
  const a = (angle * Math.PI) / 180;
  const t = (tilt * Math.PI) / 180;
  const ax = Math.cos(axis);
  const ay = Math.sin(axis);
  const local: [number, number][] = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ];
  return local.map(([x0, y0]) => {
    // In-plane turn (clockwise in image coordinates), then the tilt about the axis (ax, ay, 0).
    const x1 = x0 * Math.cos(a) - y0 * Math.sin(a);
    const y1 = x0 * Math.sin(a) + y0 * Math.cos(a);
    const along = x1 * ax + y1 * ay;
    const across = -x1 * ay + y1 * ax;
    const z = f + across * Math.sin(t);
    const acrossFlat = across * Math.cos(t);
    const x2 = along * ax - acrossFlat * ay;
    const y2 = along * ay + acrossFlat * ax;
    return { x: centre.x + (f * x2) / z, y: centre.y + (f * y2) / z };
  });
}

/** Samples `doc` (RGB) through the corners into `frame` (RGB), with an optional bend of the page. */
function place(
  frame: Buffer,
  fw: number,
  fh: number,
  doc: Buffer,
  dw: number,
  dh: number,
  corners: Point[],
  bend: number,
): void {
  const map = homographyFrom(corners, [
    { x: 0, y: 0 },
    { x: dw - 1, y: 0 },
    { x: dw - 1, y: dh - 1 },
    { x: 0, y: dh - 1 },
  ]);
  if (!map) throw new Error('degenerate corners');
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 2);
  const x1 = Math.min(fw - 1, Math.ceil(Math.max(...xs)) + 2);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - Math.ceil(bend * dh) - 2);
  const y1 = Math.min(fh - 1, Math.ceil(Math.max(...ys)) + Math.ceil(bend * dh) + 2);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const { x: u, y: mapped } = applyHomography(map, { x, y });
      let v = mapped;
      // A bend along the width: the middle of the page lifts (moves up in the frame) and darkens.
      let shade = 1;
      if (bend > 0) {
        const s = Math.sin((Math.PI * u) / dw);
        v += bend * dh * s;
        shade = 1 - 0.35 * Math.max(0, Math.cos((Math.PI * u) / dw)) ** 2;
      }
      if (u < 0 || v < 0 || u > dw - 1 || v > dh - 1) continue;
      // Rounded corners: the document's paper is drawn with rx = 60 / 1800 of its width.
      const xi = Math.floor(u);
      const yi = Math.floor(v);
      const fx = u - xi;
      const fy = v - yi;
      const xj = Math.min(dw - 1, xi + 1);
      const yj = Math.min(dh - 1, yi + 1);
      const alpha = doc[(yi * dw + xi) * 4 + 3] ?? 0;
      if (alpha < 128) continue;
      for (let c = 0; c < 3; c++) {
        const at = (xx: number, yy: number) => doc[(yy * dw + xx) * 4 + c] ?? 0;
        const top = at(xi, yi) * (1 - fx) + at(xj, yi) * fx;
        const bottom = at(xi, yj) * (1 - fx) + at(xj, yj) * fx;
        frame[(y * fw + x) * 3 + c] = Math.round((top * (1 - fy) + bottom * fy) * shade);
      }
    }
  }
}

/** A motion-blur kernel: a line of `length` pixels at `angle` radians. */
function motionKernel(
  length: number,
  angle: number,
): { width: number; height: number; kernel: number[] } {
  const size = 2 * Math.ceil(length / 2) + 1;
  const kernel = new Array<number>(size * size).fill(0);
  const c = (size - 1) / 2;
  for (let s = -length / 2; s <= length / 2; s += 0.25) {
    const x = Math.round(c + s * Math.cos(angle));
    const y = Math.round(c + s * Math.sin(angle));
    kernel[y * size + x] = (kernel[y * size + x] ?? 0) + 1;
  }
  return { width: size, height: size, kernel };
}

/** The `i`-th capture of `condition`. */
export async function captureSpecimen(
  condition: CaptureCondition,
  i: number,
): Promise<CaptureSpecimen> {
  const rnd = prng(7000 + CAPTURE_CONDITIONS.indexOf(condition) * 100 + i);
  const passport = i % 2 === 0;
  const who = person(rnd, passport);
  const lines = passport ? td3(who) : td1(who);
  const big = rnd() < 0.5;
  const frame = big ? { width: 1920, height: 1080 } : { width: 1280, height: 720 };
  let angle = (rnd() * 2 - 1) * 3;
  let tilt = 0;
  let fill = 0.55 + rnd() * 0.15;
  let bend = 0;
  let blur: { length: number; angle: number } | null = null;
  let quality = 80 + Math.floor(rnd() * 12);
  let glare = false;
  let bg = Math.floor(rnd() * 4);
  const axis = rnd() * Math.PI * 2;
  const what: string[] = [];
  switch (condition) {
    case 'perspective10':
    case 'perspective20':
    case 'perspective30':
      tilt = Number(condition.slice('perspective'.length));
      angle = (rnd() * 2 - 1) * 5;
      what.push(`tilt ${tilt}° about ${((axis * 180) / Math.PI).toFixed(0)}°`);
      break;
    case 'rotation':
      angle = i < 3 ? 90 * (i + 1) : rnd() * 360;
      break;
    case 'upsideDown':
      angle = 180 + (rnd() * 2 - 1) * 3;
      break;
    case 'glare':
      glare = true;
      break;
    case 'small': {
      const cap = 10 + (i % 5);
      fill = cap / (capShare(passport) * frame.width);
      what.push(`capitals ${cap} px`);
      break;
    }
    case 'motion':
      blur = { length: 3 + (i % 3), angle: rnd() * Math.PI };
      quality = 60;
      what.push(`motion ${blur.length} px, q60`);
      break;
    case 'bent':
      bend = 0.015 + rnd() * 0.015;
      what.push(`bend ${(bend * 100).toFixed(1)} %`);
      break;
    case 'background':
      bg = i % 4;
      what.push(['wood', 'checked cloth', 'pale desk', 'cluttered desk'][bg] ?? '');
      break;
    case 'upright':
      break;
  }
  angle = ((angle % 360) + 360) % 360;
  const docHeightShare = passport ? 1270 / 1800 : 1137 / 1800;
  // The document's long side: `fill` of the frame's width, less if its turned box would not fit.
  const rad = (angle * Math.PI) / 180;
  const boxW = Math.abs(Math.cos(rad)) + docHeightShare * Math.abs(Math.sin(rad));
  const boxH = Math.abs(Math.sin(rad)) + docHeightShare * Math.abs(Math.cos(rad));
  const margin = 1 + tilt / 60;
  let dw = fill * frame.width;
  dw = Math.min(
    dw,
    (0.92 * frame.width) / (boxW * margin),
    (0.92 * frame.height) / (boxH * margin),
  );
  if (condition !== 'small') fill = dw / frame.width;
  dw = Math.round(dw);
  const dh = Math.round(dw * docHeightShare);
  const slackX = Math.max(0, frame.width - dw * boxW * margin) / 2;
  const slackY = Math.max(0, frame.height - dw * boxH * margin) / 2;
  const centre = {
    x: frame.width / 2 + (rnd() * 2 - 1) * slackX * 0.8,
    y: frame.height / 2 + (rnd() * 2 - 1) * slackY * 0.8,
  };
  const corners = projectedCorners(dw, dh, angle, tilt, axis, frame, centre);

  const label = `${condition.toUpperCase()} ${i}`;
  const { data: doc, info } = await sharp(Buffer.from(documentSvg(lines, passport, label)))
    .resize({ width: dw, height: dh, fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data: table } = await sharp(
    Buffer.from(backgroundSvg(bg, frame.width, frame.height, rnd)),
  )
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = Buffer.from(table);
  place(pixels, frame.width, frame.height, doc, info.width, info.height, corners, bend);
  let image = sharp(pixels, { raw: { width: frame.width, height: frame.height, channels: 3 } });
  const overlays: OverlayOptions[] = [];
  if (glare) {
    // Over the zone: between the zone's top and bottom rows, a third to two thirds along it.
    const zoneV = passport ? 0.86 : 0.82;
    const along = 0.3 + rnd() * 0.4;
    const at = (u: number, v: number) => {
      const [tl, tr, br, bl] = corners as [Point, Point, Point, Point];
      const top = { x: tl.x + (tr.x - tl.x) * u, y: tl.y + (tr.y - tl.y) * u };
      const bottom = { x: bl.x + (br.x - bl.x) * u, y: bl.y + (br.y - bl.y) * u };
      return { x: top.x + (bottom.x - top.x) * v, y: top.y + (bottom.y - top.y) * v };
    };
    const c = at(along, zoneV);
    const r = dw * (0.05 + rnd() * 0.03);
    overlays.push({
      input:
        Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}">
        <defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="1"/>
          <stop offset="0.3" stop-color="#fff" stop-opacity="1"/>
          <stop offset="0.7" stop-color="#fff" stop-opacity="0.75"/>
          <stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
        <ellipse cx="${c.x.toFixed(0)}" cy="${c.y.toFixed(0)}" rx="${(r * 1.6).toFixed(0)}" ry="${r.toFixed(0)}" fill="url(#g)"/>
      </svg>`),
    });
    what.push(`glare at ${(along * 100).toFixed(0)} % of the zone`);
  }
  if (overlays.length > 0) {
    const flat = await image.composite(overlays).removeAlpha().raw().toBuffer();
    image = sharp(flat, { raw: { width: frame.width, height: frame.height, channels: 3 } });
  }
  if (blur) image = image.convolve(motionKernel(blur.length, blur.angle));
  else image = image.blur(0.6);
  const bytes = new Uint8Array(await image.jpeg({ quality }).toBuffer());
  what.unshift(
    `${frame.width}×${frame.height}`,
    `${angle.toFixed(1)}°`,
    `fill ${(fill * 100).toFixed(0)} %`,
  );
  return {
    condition,
    bytes,
    lines,
    format: passport ? 'TD3' : 'TD1',
    registry: registryOf(who),
    corners,
    angle,
    what: what.join(', '),
  };
}
