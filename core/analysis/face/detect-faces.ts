import type { RgbImage } from '../image/decode-jpeg.ts';
import type { Detection, FaceRuntime, Point } from './face-api-runtime.ts';
import { shrinkRegion, type Region, type Shrunk } from './shrink.ts';

/** The detector pads what it is given to a square and resizes it to this side. */
const DETECTOR_SIDE = 512;
/** The landmark network pads a face box to a square and resizes it to this side. */
const LANDMARK_SIDE = 112;

/**
 * Below the caller's floor, the whole-image pass still reports a face too small for it to be
 * sure of at about this confidence: enough to say where to look closer.
 */
const HINT_CONFIDENCE = 0.1;

/**
 * Every face in an image, its box in the image's pixels. The detector sees the whole image
 * shrunk to 512 pixels a side (shrunk here, with a box filter, so no full-size tensor is made),
 * so on a wide document a small portrait can fall under its reach. When the whole image yields
 * nothing sure and it is wider than tall, the search runs again on overlapping square windows
 * (left and right), each seen at a larger scale, their faces mapped back and merged. The whole
 * pass's unsure sightings pick the window: the ones holding one are searched first, and the
 * others only if those find nothing (a face the whole pass did not glimpse at all, beside a
 * portrait it did, goes unseen — as it would on a narrower card).
 */
export async function detectFaces(
  runtime: FaceRuntime,
  image: RgbImage,
  minConfidence: number,
): Promise<Detection[]> {
  const all = { left: 0, top: 0, width: image.width, height: image.height };
  const floor = Math.min(minConfidence, HINT_CONFIDENCE);
  const whole = await detectIn(runtime, image, all, floor);
  const sure = whole.filter((f) => f.score >= minConfidence);
  if (sure.length > 0 || image.width <= image.height * 1.2) return sure;
  const side = image.height;
  const windows = [0, image.width - side].map((left) => ({
    left,
    top: 0,
    width: side,
    height: side,
  }));
  const hinted = windows.filter((w) => whole.some((f) => nearestWindow(windows, f.box) === w));
  const rest = windows.filter((w) => !hinted.includes(w));
  for (const group of [hinted, rest]) {
    const found: Detection[] = [];
    for (const window of group)
      found.push(...(await detectIn(runtime, image, window, minConfidence)));
    if (found.length > 0) return merged(found);
  }
  return [];
}

/** The window whose centre lies nearest the box's centre. */
function nearestWindow(windows: Region[], box: Detection['box']): Region | undefined {
  const cx = box.x + box.width / 2;
  const distance = (w: Region) => Math.abs(w.left + w.width / 2 - cx);
  return windows.reduce<Region | undefined>(
    (best, w) => (!best || distance(w) < distance(best) ? w : best),
    undefined,
  );
}

/**
 * The 68 landmarks of the face in `box`, in the image's pixels: the box is cut from the
 * full-size image and shrunk (box filter) to what the landmark network sees, never enlarged.
 */
export async function faceLandmarks(
  runtime: FaceRuntime,
  image: RgbImage,
  box: Detection['box'],
): Promise<Point[]> {
  const left = clamp(Math.round(box.x), 0, image.width - 1);
  const top = clamp(Math.round(box.y), 0, image.height - 1);
  const region = {
    left,
    top,
    width: clamp(Math.round(box.x + box.width), left + 1, image.width) - left,
    height: clamp(Math.round(box.y + box.height), top + 1, image.height) - top,
  };
  const face = shrinkRegion(image, region, LANDMARK_SIDE);
  try {
    const points = await runtime.landmarks(face.image.rgb, face.image.width, face.image.height);
    return points.map((p) => toSource(face, p));
  } finally {
    face.image.rgb.fill(0);
  }
}

async function detectIn(
  runtime: FaceRuntime,
  image: RgbImage,
  region: Region,
  minConfidence: number,
): Promise<Detection[]> {
  const seen = shrinkRegion(image, region, DETECTOR_SIDE);
  try {
    const { rgb, width, height } = seen.image;
    const faces = await runtime.detectBoxes(rgb, width, height, minConfidence);
    return faces.map(({ score, box }) => {
      const corner = toSource(seen, box);
      const width = box.width * seen.scaleX;
      const height = box.height * seen.scaleY;
      return { score, box: { x: corner.x, y: corner.y, width, height } };
    });
  } finally {
    seen.image.rgb.fill(0);
  }
}

function toSource(shrunk: Shrunk, p: Point): Point {
  return {
    x: shrunk.region.left + p.x * shrunk.scaleX,
    y: shrunk.region.top + p.y * shrunk.scaleY,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** One face seen by both windows counts once: the more confident sighting is kept. */
function merged(faces: Detection[]): Detection[] {
  const byConfidence = [...faces].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const face of byConfidence) {
    const { x, y, width, height } = face.box;
    const cx = x + width / 2;
    const cy = y + height / 2;
    const seen = kept.some(({ box }) => {
      return cx > box.x && cx < box.x + box.width && cy > box.y && cy < box.y + box.height;
    });
    if (!seen) kept.push(face);
  }
  return kept;
}
