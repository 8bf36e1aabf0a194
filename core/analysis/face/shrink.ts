import type { RgbImage } from '../image/decode-jpeg.ts';

/** A rectangle of whole source pixels, inside the image. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A region's pixels at reduced size, and how to map its coordinates back to the source. */
export interface Shrunk {
  image: RgbImage;
  /** Source pixels per output pixel, across and down (1 when the region was not shrunk). */
  scaleX: number;
  scaleY: number;
  region: Region;
}

/**
 * A copy of `region` of `image`, shrunk (never enlarged) so its longer side is at most `maxSide`:
 * each output pixel is the mean of the source pixels it covers (a box filter, so a large photo
 * does not alias on its way down to what a network sees). The caller owns, and zeroes, the copy.
 * A point (x, y) of the copy is (left + x·scaleX, top + y·scaleY) in the source.
 */
export function shrinkRegion(image: RgbImage, region: Region, maxSide: number): Shrunk {
  const { left, top, width, height } = region;
  if (
    width < 1 ||
    height < 1 ||
    left < 0 ||
    top < 0 ||
    left + width > image.width ||
    top + height > image.height
  ) {
    throw new RangeError('the region must lie inside the image');
  }
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const outWidth = Math.max(1, Math.round(width * scale));
  const outHeight = Math.max(1, Math.round(height * scale));
  const rgb = new Uint8Array(outWidth * outHeight * 3);
  // Which output column each source column falls in, and how many source columns each holds.
  const column = new Int32Array(width);
  const columns = new Uint32Array(outWidth);
  for (let x = 0; x < width; x++) {
    const out = Math.min(outWidth - 1, Math.floor((x * outWidth) / width));
    column[x] = out * 3;
    columns[out] = (columns[out] ?? 0) + 1;
  }
  const sums = new Uint32Array(outWidth * 3);
  const src = image.rgb;
  let y = 0;
  for (let outY = 0; outY < outHeight; outY++) {
    const end = outY === outHeight - 1 ? height : Math.floor(((outY + 1) * height) / outHeight);
    const rows = end - y;
    sums.fill(0);
    for (; y < end; y++) {
      let from = ((top + y) * image.width + left) * 3;
      for (let x = 0; x < width; x++, from += 3) {
        const to = column[x] ?? 0;
        sums[to] = (sums[to] ?? 0) + (src[from] ?? 0);
        sums[to + 1] = (sums[to + 1] ?? 0) + (src[from + 1] ?? 0);
        sums[to + 2] = (sums[to + 2] ?? 0) + (src[from + 2] ?? 0);
      }
    }
    let to = outY * outWidth * 3;
    for (let outX = 0; outX < outWidth; outX++) {
      const n = (columns[outX] ?? 1) * rows;
      for (let c = 0; c < 3; c++, to++) rgb[to] = Math.round((sums[outX * 3 + c] ?? 0) / n);
    }
  }
  sums.fill(0);
  return {
    image: { width: outWidth, height: outHeight, rgb },
    scaleX: width / outWidth,
    scaleY: height / outHeight,
    region,
  };
}
