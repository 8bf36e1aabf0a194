import { downscale, type GreyImage } from '../image/grey-image.ts';
import type { Point } from '../image/homography.ts';

/**
 * Finds the document in a photograph: its four corners, whatever the table under it. On the
 * image scaled to {@link WORK_SIDE}: gradients (Sobel, thinned along their direction), a Hough
 * transform voting only near each edge pixel's own direction, the strongest lines; then every
 * quadrilateral of two nearly parallel pairs of them, scored by how much of its outline is an
 * edge that keeps one polarity (the document lighter or darker than the table all along a side:
 * the lines of a checked cloth alternate, and a quadrilateral of them scores little), the corners
 * themselves (rounded on a card) left out. The best one's sides are refitted to their edge pixels
 * (least squares) and its corners returned in pixels of the image given.
 */

export interface DocumentOutline {
  /** Clockwise from the corner nearest the image's top-left. */
  corners: [Point, Point, Point, Point];
  /** Outline support, 0–1: the share of its sides seen as a steady edge. */
  support: number;
}

const WORK_SIDE = 512;
/** Bins per degree of the Hough transform's angle axis. */
const ANGLE_BINS = 180;
const MAX_LINES = 40;
/** Quadrilaterals scored at most (the largest first). */
const MAX_QUADS = 3000;
/** A side counts when at least this share of it is a steady edge. */
const MIN_SIDE_SUPPORT = 0.55;
/** The document covers at least this share of the image. */
const MIN_AREA = 0.03;
/** A side whose line is an edge this far past either corner is a line of the table. */
const MAX_RUN_ON = 0.5;
/** Lines kept per 15° of direction (a striped table must not crowd out the document's sides). */
const LINES_PER_DIRECTION = 12;
/** How far inside a side its border is sampled (work pixels). */
const INSET = 4;
/** Share of the border that must be of one tone (a document's edge, not a cloth's pattern). */
const MIN_EVEN_BORDER = 0.7;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The share of `values` within ±`band` of their median. */
function evenness(values: number[], band: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return values.filter((v) => Math.abs(v - median) <= band).length / values.length;
}

interface Gradients {
  width: number;
  height: number;
  gx: Float32Array;
  gy: Float32Array;
  mag: Float32Array;
  /** 1 where a thinned edge is. */
  edge: Uint8Array;
  grey: Float32Array;
}

function smooth(image: GreyImage): Float32Array {
  const { width: w, height: h, data } = image;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const l = data[y * w + Math.max(0, x - 1)] ?? 0;
      const r = data[y * w + Math.min(w - 1, x + 1)] ?? 0;
      tmp[y * w + x] = (l + 2 * (data[y * w + x] ?? 0) + r) / 4;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const u = tmp[Math.max(0, y - 1) * w + x] ?? 0;
      const d = tmp[Math.min(h - 1, y + 1) * w + x] ?? 0;
      out[y * w + x] = (u + 2 * (tmp[y * w + x] ?? 0) + d) / 4;
    }
  return out;
}

function gradients(image: GreyImage): Gradients {
  const { width: w, height: h } = image;
  const grey = smooth(image);
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  const mag = new Float32Array(w * h);
  const at = (x: number, y: number) => grey[y * w + x] ?? 0;
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const sx =
        at(x + 1, y - 1) +
        2 * at(x + 1, y) +
        at(x + 1, y + 1) -
        (at(x - 1, y - 1) + 2 * at(x - 1, y) + at(x - 1, y + 1));
      const sy =
        at(x - 1, y + 1) +
        2 * at(x, y + 1) +
        at(x + 1, y + 1) -
        (at(x - 1, y - 1) + 2 * at(x, y - 1) + at(x + 1, y - 1));
      gx[y * w + x] = sx;
      gy[y * w + x] = sy;
      mag[y * w + x] = Math.hypot(sx, sy);
    }
  // Thinning: an edge pixel is a maximum of the magnitude along its gradient's direction.
  const edge = new Uint8Array(w * h);
  const threshold = 28;
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const m = mag[y * w + x] ?? 0;
      if (m < threshold) continue;
      const dx = (gx[y * w + x] ?? 0) / m;
      const dy = (gy[y * w + x] ?? 0) / m;
      const ox = Math.round(dx);
      const oy = Math.round(dy);
      const a = mag[(y + oy) * w + x + ox] ?? 0;
      const b = mag[(y - oy) * w + x - ox] ?? 0;
      if (m >= a && m >= b) edge[y * w + x] = 1;
    }
  return { width: w, height: h, gx, gy, mag, edge, grey };
}

/** A line x·cos θ + y·sin θ = ρ. */
interface Line {
  theta: number;
  rho: number;
  votes: number;
}

function houghLines(g: Gradients): Line[] {
  const { width: w, height: h } = g;
  const diag = Math.ceil(Math.hypot(w, h));
  const rhoBins = 2 * diag + 1;
  const acc = new Float32Array(ANGLE_BINS * rhoBins);
  const cos = new Float32Array(ANGLE_BINS);
  const sin = new Float32Array(ANGLE_BINS);
  for (let t = 0; t < ANGLE_BINS; t++) {
    cos[t] = Math.cos((t * Math.PI) / ANGLE_BINS);
    sin[t] = Math.sin((t * Math.PI) / ANGLE_BINS);
  }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!g.edge[y * w + x]) continue;
      let phi = Math.atan2(g.gy[y * w + x] ?? 0, g.gx[y * w + x] ?? 0);
      if (phi < 0) phi += Math.PI;
      const centre = Math.round((phi * ANGLE_BINS) / Math.PI);
      for (let d = -3; d <= 3; d++) {
        const t = (((centre + d) % ANGLE_BINS) + ANGLE_BINS) % ANGLE_BINS;
        const rho = Math.round(x * (cos[t] ?? 0) + y * (sin[t] ?? 0)) + diag;
        acc[t * rhoBins + rho] = (acc[t * rhoBins + rho] ?? 0) + 1;
      }
    }
  const minVotes = Math.max(20, 0.08 * Math.min(w, h));
  const peaks: Line[] = [];
  for (let t = 0; t < ANGLE_BINS; t++)
    for (let r = 0; r < rhoBins; r++) {
      const v = acc[t * rhoBins + r] ?? 0;
      if (v < minVotes) continue;
      let isPeak = true;
      for (let dt = -2; dt <= 2 && isPeak; dt++)
        for (let dr = -3; dr <= 3; dr++) {
          if (dt === 0 && dr === 0) continue;
          let tt = t + dt;
          let rr = r + dr;
          // θ wraps with ρ's sign.
          if (tt < 0) {
            tt += ANGLE_BINS;
            rr = 2 * diag - rr;
          } else if (tt >= ANGLE_BINS) {
            tt -= ANGLE_BINS;
            rr = 2 * diag - rr;
          }
          if (rr < 0 || rr >= rhoBins) continue;
          const o = acc[tt * rhoBins + rr] ?? 0;
          if (o > v || (o === v && (dt < 0 || (dt === 0 && dr < 0)))) {
            isPeak = false;
            break;
          }
        }
      if (isPeak) peaks.push({ theta: (t * Math.PI) / ANGLE_BINS, rho: r - diag, votes: v });
    }
  const perDirection = new Map<number, number>();
  return peaks
    .sort((a, b) => b.votes - a.votes)
    .filter((line) => {
      const bucket = Math.floor((line.theta * 12) / Math.PI) % 12;
      const n = perDirection.get(bucket) ?? 0;
      perDirection.set(bucket, n + 1);
      return n < LINES_PER_DIRECTION;
    })
    .slice(0, MAX_LINES);
}

function intersect(a: Line, b: Line): Point | null {
  const ca = Math.cos(a.theta);
  const sa = Math.sin(a.theta);
  const cb = Math.cos(b.theta);
  const sb = Math.sin(b.theta);
  const det = ca * sb - sa * cb;
  if (Math.abs(det) < 1e-6) return null;
  return { x: (a.rho * sb - b.rho * sa) / det, y: (ca * b.rho - cb * a.rho) / det };
}

/** Angle between two lines' directions, 0–90°. */
function angleBetween(a: Line, b: Line): number {
  let d = Math.abs(a.theta - b.theta) % Math.PI;
  if (d > Math.PI / 2) d = Math.PI - d;
  return (d * 180) / Math.PI;
}

/** Sorts four points clockwise (image y down) starting nearest the top-left. */
function clockwise(points: Point[]): [Point, Point, Point, Point] {
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sorted = [...points].sort(
    (a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx),
  );
  let start = 0;
  let least = Infinity;
  sorted.forEach((p, i) => {
    if (p.x + p.y < least) {
      least = p.x + p.y;
      start = i;
    }
  });
  return [0, 1, 2, 3].map((k) => sorted[(start + k) % 4] as Point) as [Point, Point, Point, Point];
}

function convex(q: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i] as Point;
    const b = q[(i + 1) % 4] as Point;
    const c = q[(i + 2) % 4] as Point;
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (Math.abs(cross) < 1e-6) return false;
    const s = Math.sign(cross);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

function area(q: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i] as Point;
    const b = q[(i + 1) % 4] as Point;
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}

interface SideSupport {
  support: number;
  /** Edge pixels found along the side (for the refit). */
  points: Point[];
  /** The grey just inside the side, every few pixels (the document's own border). */
  inner: number[];
}

/**
 * How much of the side from `a` to `b` is a steady edge: samples every pixel, the ends (a
 * card's rounded corners) left out; a sample counts when an edge pixel within 2 px across the
 * side has its gradient across the side, of the side's prevailing polarity.
 */
function sideSupport(g: Gradients, a: Point, b: Point, from = 0.08, to = 0.92): SideSupport {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const tx = (b.x - a.x) / length;
  const ty = (b.y - a.y) / length;
  const nx = -ty;
  const ny = tx;
  const samples = Math.floor(length * (to - from));
  if (samples < 8) return { support: 0, points: [], inner: [] };
  const hits: { sign: number; p: Point }[] = [];
  const inner: number[] = [];
  for (let k = 0; k < samples; k++) {
    const s = length * from + k;
    const px = a.x + tx * s;
    const py = a.y + ty * s;
    if (k % 3 === 0) {
      // Clockwise in image coordinates: the inside is to the right of the way along.
      const ix = Math.round(px + nx * INSET);
      const iy = Math.round(py + ny * INSET);
      if (ix >= 0 && iy >= 0 && ix < g.width && iy < g.height)
        inner.push(g.grey[iy * g.width + ix] ?? 0);
    }
    let found: { sign: number; p: Point; m: number } | null = null;
    for (let o = -2; o <= 2; o++) {
      const x = Math.round(px + nx * o);
      const y = Math.round(py + ny * o);
      if (x < 1 || y < 1 || x >= g.width - 1 || y >= g.height - 1) continue;
      const i = y * g.width + x;
      if (!g.edge[i]) continue;
      const m = g.mag[i] ?? 0;
      const along = ((g.gx[i] ?? 0) * nx + (g.gy[i] ?? 0) * ny) / m;
      if (Math.abs(along) < 0.9) continue;
      if (!found || m > found.m) found = { sign: Math.sign(along), p: { x, y }, m };
    }
    if (found) hits.push(found);
  }
  const positive = hits.filter((h) => h.sign > 0);
  const negative = hits.filter((h) => h.sign < 0);
  const steady = positive.length >= negative.length ? positive : negative;
  return { support: steady.length / samples, points: steady.map((h) => h.p), inner };
}

/** Total least squares line through points (null for fewer than 8). */
function fitLine(points: readonly Point[]): Line | null {
  if (points.length < 8) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  // The normal is the eigenvector of the smaller eigenvalue.
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy) + Math.PI / 2;
  return { theta, rho: mx * Math.cos(theta) + my * Math.sin(theta), votes: points.length };
}

/** The document's outline in `image`, or null when no quadrilateral is seen clearly enough. */
export function locateDocument(image: GreyImage): DocumentOutline | null {
  const small = downscale(image, WORK_SIDE);
  const k = image.width / small.width;
  const g = gradients(small);
  if (small !== image) small.data.fill(0);
  try {
    const lines = houghLines(g);
    const minSide = Math.min(g.width, g.height);
    const pairs: [Line, Line][] = [];
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i] as Line;
        const b = lines[j] as Line;
        if (angleBetween(a, b) > 30) continue;
        // Apart by a good share of the image where they cross its middle.
        const mid = { x: g.width / 2, y: g.height / 2 };
        const da = mid.x * Math.cos(a.theta) + mid.y * Math.sin(a.theta) - a.rho;
        const db = mid.x * Math.cos(b.theta) + mid.y * Math.sin(b.theta) - b.rho;
        const sameSense = Math.abs(a.theta - b.theta) < Math.PI / 2;
        const apart = Math.abs(sameSense ? da - db : da + db);
        if (apart < 0.15 * minSide) continue;
        pairs.push([a, b]);
      }
    // Every quadrilateral the lines make, largest outline first: support can only lower a
    // score below the outline's length, so the search stops once no larger one is left.
    const slack = 0.04 * minSide;
    const quads: { quad: [Point, Point, Point, Point]; perimeter: number }[] = [];
    for (let i = 0; i < pairs.length; i++)
      for (let j = i + 1; j < pairs.length; j++) {
        const [a, b] = pairs[i] as [Line, Line];
        const [c, d] = pairs[j] as [Line, Line];
        if (angleBetween(a, c) < 55) continue;
        const corners = [intersect(a, c), intersect(a, d), intersect(b, d), intersect(b, c)];
        if (corners.some((p) => p === null)) continue;
        const quad = clockwise(corners as Point[]);
        if (!convex(quad)) continue;
        if (
          quad.some(
            (p) => p.x < -slack || p.y < -slack || p.x > g.width + slack || p.y > g.height + slack,
          )
        )
          continue;
        if (area(quad) < MIN_AREA * g.width * g.height) continue;
        let perimeter = 0;
        for (let s = 0; s < 4; s++) {
          const p = quad[s] as Point;
          const q = quad[(s + 1) % 4] as Point;
          perimeter += Math.hypot(q.x - p.x, q.y - p.y);
        }
        quads.push({ quad, perimeter });
      }
    quads.sort((x, y) => y.perimeter - x.perimeter);
    let best: { quad: [Point, Point, Point, Point]; score: number; support: number } | null = null;
    for (const [n, { quad, perimeter }] of quads.entries()) {
      if ((best && perimeter <= best.score) || n >= MAX_QUADS) break;
      let score = 0;
      let weakest = 1;
      const border: number[] = [];
      for (let s = 0; s < 4; s++) {
        const p = quad[s] as Point;
        const q = quad[(s + 1) % 4] as Point;
        const { support, inner } = sideSupport(g, p, q);
        weakest = Math.min(weakest, support);
        if (weakest < MIN_SIDE_SUPPORT) break;
        border.push(...inner);
        // A document's side ends at its corners; a line of the table runs on past them, with
        // the same tone inside it (past a document's corner, the inside is the table too).
        const tone = median(inner);
        const runsOn = [sideSupport(g, p, q, -0.2, -0.04), sideSupport(g, p, q, 1.04, 1.2)].some(
          (ext) => ext.support > MAX_RUN_ON && Math.abs(median(ext.inner) - tone) < 20,
        );
        if (runsOn) {
          weakest = 0;
          break;
        }
        score += support * Math.hypot(q.x - p.x, q.y - p.y);
      }
      if (weakest < MIN_SIDE_SUPPORT) continue;
      const even = evenness(border, 20);
      if (even < MIN_EVEN_BORDER) continue;
      score *= even;
      if (!best || score > best.score) best = { quad, score, support: score / perimeter };
    }
    if (!best) return null;
    // Refit each side to its edge pixels, then intersect again.
    const sides: Line[] = [];
    for (let s = 0; s < 4; s++) {
      const p = best.quad[s] as Point;
      const q = best.quad[(s + 1) % 4] as Point;
      const fitted = fitLine(sideSupport(g, p, q).points);
      if (!fitted) return null;
      sides.push(fitted);
    }
    const refined: Point[] = [];
    for (let s = 0; s < 4; s++) {
      const p = intersect(sides[(s + 3) % 4] as Line, sides[s] as Line);
      refined.push(p ?? (best.quad[s] as Point));
    }
    const drift = Math.max(
      ...refined.map((p, s) =>
        Math.hypot(p.x - (best.quad[s]?.x ?? 0), p.y - (best.quad[s]?.y ?? 0)),
      ),
    );
    const corners = (drift < 0.05 * minSide ? refined : best.quad).map((p) => ({
      x: (p.x + 0.5) * k - 0.5,
      y: (p.y + 0.5) * k - 0.5,
    }));
    return { corners: corners as [Point, Point, Point, Point], support: best.support };
  } finally {
    g.grey.fill(0);
    g.gx.fill(0);
    g.gy.fill(0);
    g.mag.fill(0);
  }
}

/**
 * The width-to-height ratio of the rectangle whose perspective image is `q` (clockwise from
 * top-left), for a pinhole camera with its principal point at `centre` (Zhang & He, "Whiteboard
 * scanning and image enhancement", 2007); the ratio of mean side lengths when the view is too
 * close to straight-on for the focal length to be known.
 */
export function rectangleAspect(q: readonly Point[], centre: Point): number {
  const [tl, tr, br, bl] = q as [Point, Point, Point, Point];
  const h = (p: Point): [number, number, number] => [p.x - centre.x, p.y - centre.y, 1];
  const m1 = h(tl);
  const m2 = h(tr);
  const m3 = h(bl);
  const m4 = h(br);
  const crossP = (a: number[], b: number[]) => [
    (a[1] ?? 0) * (b[2] ?? 0) - (a[2] ?? 0) * (b[1] ?? 0),
    (a[2] ?? 0) * (b[0] ?? 0) - (a[0] ?? 0) * (b[2] ?? 0),
    (a[0] ?? 0) * (b[1] ?? 0) - (a[1] ?? 0) * (b[0] ?? 0),
  ];
  const dot = (a: number[], b: number[]) =>
    (a[0] ?? 0) * (b[0] ?? 0) + (a[1] ?? 0) * (b[1] ?? 0) + (a[2] ?? 0) * (b[2] ?? 0);
  const k2 = dot(crossP(m1, m4), m3) / dot(crossP(m2, m4), m3);
  const k3 = dot(crossP(m1, m4), m2) / dot(crossP(m3, m4), m2);
  const n2 = m2.map((v, i) => k2 * v - (m1[i] ?? 0));
  const n3 = m3.map((v, i) => k3 * v - (m1[i] ?? 0));
  const [n2x = 0, n2y = 0, n2z = 0] = n2;
  const [n3x = 0, n3y = 0, n3z = 0] = n3;
  const mean = () =>
    (Math.hypot(tr.x - tl.x, tr.y - tl.y) + Math.hypot(br.x - bl.x, br.y - bl.y)) /
    (Math.hypot(bl.x - tl.x, bl.y - tl.y) + Math.hypot(br.x - tr.x, br.y - tr.y));
  const denom = n2z * n3z;
  if (Math.abs(denom) < 1e-9 || Math.abs(n2z) < 1e-3 || Math.abs(n3z) < 1e-3) return mean();
  const f2 = -(n2x * n3x + n2y * n3y) / denom;
  if (!(f2 > 0)) return mean();
  // Near straight-on views give a wild focal length; a phone's lies within 0.5–3 frame widths.
  const span = 2 * Math.hypot(centre.x, centre.y);
  if (f2 < (0.3 * span) ** 2 || f2 > (4 * span) ** 2) return mean();
  const ratio2 =
    (n2x * n2x + n2y * n2y + f2 * n2z * n2z) / (n3x * n3x + n3y * n3y + f2 * n3z * n3z);
  return Math.sqrt(ratio2);
}
