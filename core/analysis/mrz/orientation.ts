import type { AnalysisSlot, MrzDocument, MrzRead } from '../../../shared/analysis.ts';
import type { GreyImage } from '../image/grey-image.ts';
import { applyHomography, homographyFrom, warpQuad, type Point } from '../image/homography.ts';
import { fromUpright, uprightTurn, type Turn } from '../image/quarter-turn.ts';
import { locateDocument, rectangleAspect } from './document-locate.ts';
import { plausibility } from './plausibility.ts';
import { readZone, type ZoneEngine } from './read.ts';
import { otsuThreshold } from './zone-image.ts';

/**
 * Reads the zone of a document photographed any way up. The document is first found in the frame
 * (document-locate.ts) and rectified to its ICAO 9303 shape — ID-1 (85.6 × 54 mm) or ID-3
 * (125 × 88 mm), whichever its outline's aspect is nearer — its long side across; that leaves two
 * ways up (and, when the aspect misleads, the other shape). When no outline is found the whole
 * frame is read at each of the four quarter turns. Which way is up is never assumed: each way is
 * read by the glyph reader alone, and the reading decides — the one that is a zone (its structure
 * holds: plausibility.ts) with the most check digits holding and the best glyph fit; only that way
 * is then read in full (the OCR engine's readings too) if the glyph reading did not settle it.
 *
 * A reading whose structure fails is never reported as read: when no way up gives a zone, the
 * attempt says why (`mrz_implausible`, or `upside_down_unresolved` when the zone was seen both
 * ways up and neither reads).
 */

export type DocumentAttempt =
  | { read: MrzRead }
  | {
      unreadable: boolean;
      /** Set when a reading was refused as garbage. */
      refused?: {
        reason: 'mrz_implausible' | 'upside_down_unresolved';
        detail?: 'glyphs_contradict' | 'name_under_glare' | 'not_a_zone';
      };
    };

/** ICAO 9303 sizes (width : height) of the formats a zone is printed on. */
const ID1 = 85.6 / 54;
const ID3 = 125 / 88;
/** Rectified widths: the zone's capitals come out ≈ 28 px tall on either. */
const WIDTH = { id1: 1000, id3: 1200 } as const;
/** Width of the rough rectification that orders the two ways up. */
const PREVIEW_WIDTH = 240;

interface Candidate {
  image: GreyImage;
  turn: Turn;
  angle: number;
  /** Where a point of `image` lies in the frame. */
  toFrame: (p: Point) => Point;
  corners: [Point, Point, Point, Point];
  found: MrzDocument['found'];
}

function degrees(a: Point, b: Point): number {
  const d = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  return (d + 360) % 360;
}

function quarter(angle: number): Turn {
  return ((Math.round(angle / 90) % 4) * 90) as Turn;
}

function rectified(image: GreyImage, corners: [Point, Point, Point, Point], ratio: number) {
  const width = ratio > 1.5 ? WIDTH.id1 : WIDTH.id3;
  const height = Math.round(width / ratio);
  const warped = warpQuad(image, corners, width, height);
  const map = homographyFrom(
    [
      { x: 0, y: 0 },
      { x: width - 1, y: 0 },
      { x: width - 1, y: height - 1 },
      { x: 0, y: height - 1 },
    ],
    corners,
  );
  return { warped, toFrame: (p: Point) => (map ? applyHomography(map, p) : p) };
}

/** Ink in the bottom third less ink in the top third, as a share of the pixels. */
function bottomHeaviness(image: GreyImage): number {
  const threshold = otsuThreshold(image);
  const band = Math.floor(image.height / 3);
  let bottom = 0;
  let top = 0;
  for (let y = 0; y < band; y++)
    for (let x = 0; x < image.width; x++) {
      if ((image.data[y * image.width + x] ?? 255) <= threshold) top++;
      if ((image.data[(image.height - 1 - y) * image.width + x] ?? 255) <= threshold) bottom++;
    }
  return (bottom - top) / (band * image.width);
}

/** The ways up to try, most likely first, each made only when it is tried. */
function* candidates(image: GreyImage): Generator<Candidate> {
  const outline = locateDocument(image);
  if (outline) {
    const [a, b, c, d] = outline.corners;
    const centre = { x: image.width / 2, y: image.height / 2 };
    // Long side across: the order that starts on a long side, and that order turned half round.
    const across = rectangleAspect([a, b, c, d], centre) >= 1;
    const first: [Point, Point, Point, Point] = across ? [a, b, c, d] : [d, a, b, c];
    const second: [Point, Point, Point, Point] = [first[2], first[3], first[0], first[1]];
    const ratio = rectangleAspect(first, centre);
    const nearest = Math.abs(Math.log(ratio / ID1)) < Math.abs(Math.log(ratio / ID3)) ? ID1 : ID3;
    for (const shape of [nearest, nearest === ID1 ? ID3 : ID1]) {
      // Both ways up, the one with more ink in its bottom band first (the zone's rows are the
      // densest print of a page); the reading decides.
      const ways = [first, second].map((corners) => {
        const preview = warpQuad(image, corners, PREVIEW_WIDTH, PREVIEW_WIDTH / shape);
        const weight = bottomHeaviness(preview);
        preview.data.fill(0);
        return { corners, weight };
      });
      ways.sort((p, q) => q.weight - p.weight);
      for (const { corners } of ways) {
        const { warped, toFrame } = rectified(image, corners, shape);
        const angle = degrees(corners[0], corners[1]);
        yield { image: warped, turn: quarter(angle), angle, toFrame, corners, found: 'outline' };
      }
    }
  }
  const frame: [Point, Point, Point, Point] = [
    { x: 0, y: 0 },
    { x: image.width - 1, y: 0 },
    { x: image.width - 1, y: image.height - 1 },
    { x: 0, y: image.height - 1 },
  ];
  for (const turn of [0, 180, 90, 270] as const) {
    const upright = uprightTurn(image, turn);
    const toFrame = (p: Point) => fromUpright(p, turn, image);
    const [tl, tr, br, bl] = frame;
    const corners: [Point, Point, Point, Point] =
      turn === 0
        ? frame
        : turn === 180
          ? [br, bl, tl, tr]
          : turn === 90
            ? [tr, br, bl, tl]
            : [bl, tl, tr, br];
    yield { image: upright, turn, angle: turn, toFrame, corners, found: 'frame' };
  }
}

/** The read, its box and document in the frame's pixels. */
function inFrame(read: MrzRead, c: Candidate): MrzRead {
  const { left, top, width, height } = read.box;
  const points = [
    { x: left, y: top },
    { x: left + width, y: top },
    { x: left + width, y: top + height },
    { x: left, y: top + height },
  ].map(c.toFrame);
  const x0 = Math.min(...points.map((p) => p.x));
  const y0 = Math.min(...points.map((p) => p.y));
  const x1 = Math.max(...points.map((p) => p.x));
  const y1 = Math.max(...points.map((p) => p.y));
  const round = (p: Point) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
  return {
    ...read,
    box: {
      left: Math.round(x0),
      top: Math.round(y0),
      width: Math.round(x1 - x0),
      height: Math.round(y1 - y0),
    },
    document: {
      corners: c.corners.map(round),
      turn: c.turn,
      angle: Math.round(c.angle * 10) / 10,
      found: c.found,
    },
  };
}

/** How good a glyph reading is as a zone: plausible first, then check digits, then confidence. */
function rank(read: MrzRead): number[] {
  const p = plausibility(read);
  const holding = Object.values(read.checkDigits).filter(Boolean).length;
  return [
    p.plausible ? 1 : 0,
    read.checkDigitsValid ? 1 : 0,
    holding,
    -p.violations,
    read.confidence,
  ];
}

function better(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++)
    if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) > (b[k] ?? 0);
  return false;
}

/** Characters of a full reading that differ from confidently read glyphs, at most. */
const MAX_CONTRADICTED = 3;
/** A glyph read at this confidence (0–100) or more is what is printed. */
const SURE_GLYPH = 70;

/**
 * How many characters of `read` (the OCR engine's readings combined) differ from glyphs the
 * glyph reader read with confidence on the same rows (`glyphs`): a combination that agrees with
 * the check digits by chance shows here.
 */
function contradicted(read: MrzRead, glyphs: MrzRead): number {
  if (read.format !== glyphs.format) return 0;
  let n = 0;
  read.lines.forEach((line, l) => {
    const other = glyphs.lines[l] ?? '';
    const sure = glyphs.characters?.[l]?.confidence ?? [];
    if (other.length !== line.length || sure.length !== line.length) return;
    for (let k = 0; k < line.length; k++)
      if (line.charAt(k) !== other.charAt(k) && (sure[k] ?? 0) >= SURE_GLYPH) n++;
  });
  return n;
}

/**
 * Letters of the name field read in cells glare washed out (fillers there are safe: a filler
 * stays a filler): a name has no check digit, so such a letter may be another.
 */
function glaredName(read: MrzRead): number {
  const line = read.format === 'TD1' ? 2 : 0;
  const from = read.format === 'TD1' ? 0 : 5;
  const text = read.lines[line] ?? '';
  return (read.characters?.at(line)?.glare ?? []).filter((k) => k >= from && text.charAt(k) !== '<')
    .length;
}

/** A glyph reading this good ends the search at once. */
function settled(read: MrzRead): boolean {
  return read.checkDigitsValid && plausibility(read).plausible && read.confidence >= 40;
}

export async function readDocumentZone(
  engine: ZoneEngine,
  slot: AnalysisSlot,
  image: GreyImage,
): Promise<DocumentAttempt> {
  // A rectified document's zone is where ICAO 9303 puts it, in its bottom 40 % (read.ts
  // searches there when layout analysis finds no lines): no layout analysis is needed.
  const rectifiedEngine: ZoneEngine = {
    layoutLines: () => Promise.resolve([]),
    readLine: (line) => engine.readLine(line),
  };
  const engineFor = (c: Candidate) => (c.found === 'outline' ? rectifiedEngine : engine);
  let best: { read: MrzRead; score: number[]; candidate: Candidate } | null = null;
  const implausibleTurns = new Set<Turn>();
  let unreadable = false;
  const tried: Candidate[] = [];
  try {
    for (const found of candidates(image)) {
      // An outline was found and one of its ways up reads as a zone: the frame is not searched.
      if (found.found === 'frame' && best?.candidate.found === 'outline' && best.score[0]) {
        found.image.data.fill(0);
        break;
      }
      tried.push(found);
      const ways = [found];
      let done = false;
      for (const candidate of ways) {
        const attempt = await readZone(engineFor(candidate), slot, candidate.image, {
          glyphsOnly: true,
        });
        if (!('read' in attempt)) {
          unreadable ||= attempt.unreadable;
          continue;
        }
        const score = rank(attempt.read);
        if (!plausibility(attempt.read).plausible) implausibleTurns.add(candidate.turn);
        if (!best || better(score, best.score)) best = { read: attempt.read, score, candidate };
        if (settled(attempt.read)) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
    // The full reading (the OCR engine's too) of the way up the glyphs chose, unless settled.
    let chosen = best;
    if (best && !settled(best.read)) {
      const full = await readZone(engineFor(best.candidate), slot, best.candidate.image);
      if ('read' in full) {
        chosen = { read: full.read, score: rank(full.read), candidate: best.candidate };
        const against = contradicted(full.read, best.read);
        if (against > MAX_CONTRADICTED)
          return {
            unreadable: true,
            refused: {
              reason: 'mrz_implausible',
              detail: 'glyphs_contradict',
            },
          };
      } else unreadable ||= full.unreadable;
    }
    if (!chosen) {
      // No glyph reading at all: the OCR engine on the first way up (the upright frame's, as
      // before), so a zone the glyph reader cannot cut is still read.
      const first = tried.find((c) => c.found === 'frame' && c.turn === 0) ?? tried[0];
      if (first) {
        const full = await readZone(engine, slot, first.image);
        if ('read' in full) chosen = { read: full.read, score: rank(full.read), candidate: first };
        else unreadable ||= full.unreadable;
      }
    }
    if (chosen) {
      const verdict = plausibility(chosen.read);
      const washed = glaredName(chosen.read);
      if (verdict.plausible && washed > 0)
        return {
          unreadable: true,
          refused: {
            reason: 'mrz_implausible',
            detail: 'name_under_glare',
          },
        };
      if (verdict.plausible) return { read: inFrame(chosen.read, chosen.candidate) };
      implausibleTurns.add(chosen.candidate.turn);
      const bothWays =
        (implausibleTurns.has(0) && implausibleTurns.has(180)) ||
        (implausibleTurns.has(90) && implausibleTurns.has(270));
      return {
        unreadable: true,
        refused: bothWays
          ? { reason: 'upside_down_unresolved' }
          : {
              reason: 'mrz_implausible',
              detail: 'not_a_zone',
            },
      };
    }
    return { unreadable };
  } finally {
    for (const c of tried) c.image.data.fill(0);
  }
}
