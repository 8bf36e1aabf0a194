import type { RgbImage } from './decode-jpeg.ts';
import type { DetectionWithLandmarks, FaceRuntime } from './face-api-runtime.ts';

/**
 * Every face in an image. The detector sees the whole image squeezed into 512 × 512, so on a
 * wide document a small portrait can fall under its reach; when the whole image yields nothing
 * and it is wider than tall, the search runs again on two overlapping square windows (left and
 * right), each seen at a larger scale, and their faces are mapped back and merged.
 */
export async function detectFaces(
  runtime: FaceRuntime,
  image: RgbImage,
  minConfidence: number,
): Promise<DetectionWithLandmarks[]> {
  const whole = await runtime.detect(image.rgb, image.width, image.height, minConfidence);
  if (whole.length > 0 || image.width <= image.height * 1.2) return whole;
  const side = image.height;
  const found: DetectionWithLandmarks[] = [];
  for (const left of [0, image.width - side]) {
    const window = cropColumns(image, left, side);
    try {
      const faces = await runtime.detect(window.rgb, window.width, window.height, minConfidence);
      for (const face of faces) found.push(shifted(face, left));
    } finally {
      window.rgb.fill(0);
    }
  }
  return merged(found);
}

function cropColumns(image: RgbImage, left: number, width: number): RgbImage {
  const rgb = new Uint8Array(width * image.height * 3);
  for (let y = 0; y < image.height; y++) {
    const from = (y * image.width + left) * 3;
    rgb.set(image.rgb.subarray(from, from + width * 3), y * width * 3);
  }
  return { width, height: image.height, rgb };
}

function shifted(face: DetectionWithLandmarks, dx: number): DetectionWithLandmarks {
  const { box, score } = face.detection;
  // face-api's Box keeps its coordinates behind getters: copy them by name, not by spreading.
  return {
    detection: { score, box: { x: box.x + dx, y: box.y, width: box.width, height: box.height } },
    landmarks: { positions: face.landmarks.positions.map((p) => ({ x: p.x + dx, y: p.y })) },
  };
}

/** One face seen by both windows counts once: the more confident sighting is kept. */
function merged(faces: DetectionWithLandmarks[]): DetectionWithLandmarks[] {
  const byConfidence = [...faces].sort((a, b) => b.detection.score - a.detection.score);
  const kept: DetectionWithLandmarks[] = [];
  for (const face of byConfidence) {
    const { x, y, width, height } = face.detection.box;
    const cx = x + width / 2;
    const cy = y + height / 2;
    const seen = kept.some(({ detection: { box } }) => {
      return cx > box.x && cx < box.x + box.width && cy > box.y && cy < box.y + box.height;
    });
    if (!seen) kept.push(face);
  }
  return kept;
}
