import exifr from 'exifr';
import { z } from 'zod';
import {
  cannotTell,
  type CannotTell,
  type Metadata,
  type MetadataNote,
} from '../../../shared/analysis.ts';
import type { GreyImage } from '../image/grey-image.ts';

/**
 * What the file says about its own capture (EXIF/XMP, read with exifr from the bytes in memory):
 * camera, capture time against the verification session, editing software, whether the
 * embedded thumbnail still shows the same picture, and whether GPS coordinates are present —
 * personal data in the file. The coordinates themselves are never copied into the report.
 */

const EDITORS = [
  'photoshop',
  'lightroom',
  'gimp',
  'affinity',
  'pixelmator',
  'snapseed',
  'picsart',
  'paint.net',
  'canva',
  'facetune',
  'luminar',
  'capture one',
  'darktable',
  'rawtherapee',
  'krita',
  'photopea',
  'fotor',
];

const text = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 120) : null));
const date = z
  .unknown()
  .optional()
  .transform((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v : null));

const TagsSchema = z.object({
  Make: text,
  Model: text,
  Software: text,
  CreatorTool: text,
  DateTimeOriginal: date,
  CreateDate: date,
  ModifyDate: date,
  GPSLatitude: z.unknown().optional(),
  GPSLongitude: z.unknown().optional(),
  latitude: z.unknown().optional(),
});

const DAY_MS = 86_400_000;

/** Mean absolute difference of two images resized to 16×16, on 0–255. */
function thumbnailDistance(a: GreyImage, b: GreyImage): number {
  const N = 16;
  const sample = (img: GreyImage, x: number, y: number) => {
    const x0 = Math.floor((x * img.width) / N);
    const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * img.width) / N));
    const y0 = Math.floor((y * img.height) / N);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * img.height) / N));
    let sum = 0;
    for (let yy = y0; yy < y1; yy++)
      for (let xx = x0; xx < x1; xx++) sum += img.data[yy * img.width + xx] ?? 0;
    return sum / ((x1 - x0) * (y1 - y0));
  };
  let total = 0;
  for (let y = 0; y < N; y++)
    for (let x = 0; x < N; x++) total += Math.abs(sample(a, x, y) - sample(b, x, y));
  return total / (N * N);
}

/** A thumbnail further than this (mean grey levels at 16×16) from the image shows another picture. */
export const THUMBNAIL_DIFFERS = 30;

export function compareThumbnail(image: GreyImage, thumbnail: GreyImage): 'matches' | 'differs' {
  return thumbnailDistance(image, thumbnail) > THUMBNAIL_DIFFERS ? 'differs' : 'matches';
}

export interface MetadataContext {
  sessionDate: Date | null;
  /** Decodes the embedded thumbnail; throws when it cannot. */
  decodeThumbnail: (bytes: Uint8Array) => Promise<GreyImage>;
  image: GreyImage;
}

export async function readMetadata(
  bytes: Uint8Array,
  ctx: MetadataContext,
): Promise<Metadata | CannotTell> {
  let raw: unknown;
  try {
    raw = await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      mergeOutput: true,
      sanitize: true,
      reviveValues: true,
    });
  } catch {
    return cannotTell('no_metadata', 'metadata_unreadable');
  }
  const parsed = TagsSchema.safeParse(raw ?? {});
  if (!parsed.success) return cannotTell('no_metadata', 'metadata_malformed');
  const tags = parsed.data;
  const camera = [tags.Make, tags.Model].filter((s) => s !== null).join(' ') || null;
  const captured = tags.DateTimeOriginal ?? tags.CreateDate;
  const software = tags.Software ?? tags.CreatorTool;
  const editor = software
    ? (EDITORS.find((e) => software.toLowerCase().includes(e)) ?? null)
    : null;
  const gps =
    tags.GPSLatitude !== undefined ||
    tags.GPSLongitude !== undefined ||
    tags.latitude !== undefined;

  let thumbnail: Metadata['thumbnail'] = 'none';
  let thumb: Uint8Array | undefined;
  try {
    thumb = (await exifr.thumbnail(bytes)) ?? undefined;
  } catch {
    thumbnail = 'unreadable';
  }
  if (thumb && thumb.length > 0) {
    try {
      const decoded = await ctx.decodeThumbnail(thumb);
      thumbnail = compareThumbnail(ctx.image, decoded);
      decoded.data.fill(0);
    } catch {
      thumbnail = 'unreadable';
    }
  }

  const daysFromSession =
    captured && ctx.sessionDate
      ? Math.round((captured.getTime() - ctx.sessionDate.getTime()) / DAY_MS)
      : null;
  const notes: MetadataNote[] = [];
  if (editor && software) notes.push({ code: 'editor', software });
  if (thumbnail === 'differs') notes.push({ code: 'thumbnail_differs' });
  if (gps) notes.push({ code: 'gps' });
  if (daysFromSession !== null && Math.abs(daysFromSession) > 1)
    notes.push({ code: 'far_from_session', days: daysFromSession });
  return {
    status: 'read',
    camera,
    captureTime: captured ? captured.toISOString() : null,
    daysFromSession,
    software,
    editedWith: editor,
    thumbnail,
    gps,
    notes,
  };
}
