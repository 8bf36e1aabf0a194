/**
 * An 8-bit greyscale raster, the one pixel format the analysis works on (sharpness, glare,
 * exposure, MRZ reading). Plain data: it can be copied to a worker and zeroed afterwards.
 */
export interface GreyImage {
  width: number;
  height: number;
  /** Row-major luma, `width × height` bytes. */
  data: Uint8Array;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Area-average downscale so that neither side exceeds `maxSide` (never upscales). */
export function downscale(image: GreyImage, maxSide: number): GreyImage {
  const factor = Math.max(image.width, image.height) / maxSide;
  if (factor <= 1) return image;
  const width = Math.max(1, Math.round(image.width / factor));
  const height = Math.max(1, Math.round(image.height / factor));
  const data = new Uint8Array(width * height);
  const fx = image.width / width;
  const fy = image.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * fy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * fx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * fx));
      let sum = 0;
      for (let sy = y0; sy < y1; sy++) {
        const row = sy * image.width;
        for (let sx = x0; sx < x1; sx++) sum += image.data[row + sx] ?? 0;
      }
      data[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { width, height, data };
}

/** The image as a binary PGM (P5), a format the OCR engine reads without a codec. */
export function toPgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}

/** The pixels inside `box` (clamped to the image). */
export function crop(image: GreyImage, box: Box): GreyImage {
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const width = Math.max(1, Math.min(image.width - left, Math.ceil(box.width)));
  const height = Math.max(1, Math.min(image.height - top, Math.ceil(box.height)));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (top + y) * image.width + left;
    data.set(image.data.subarray(from, from + width), y * width);
  }
  return { width, height, data };
}

/**
 * Bilinear sample of a row-major raster (`width × height` values) at (`u`, `v`); `outside` for a
 * point off the raster. One home for the zone's resampling (bytes) and the cells' (ink).
 */
export function bilinear(
  data: ArrayLike<number>,
  width: number,
  height: number,
  u: number,
  v: number,
  outside: number,
): number {
  if (u < 0 || v < 0 || u > width - 1 || v > height - 1) return outside;
  const x0 = Math.floor(u);
  const y0 = Math.floor(v);
  const x1 = Math.min(width - 1, x0 + 1);
  const y1 = Math.min(height - 1, y0 + 1);
  const fx = u - x0;
  const fy = v - y0;
  const at = (x: number, y: number) => data[y * width + x] ?? outside;
  const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
  const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
  return top * (1 - fy) + bottom * fy;
}
