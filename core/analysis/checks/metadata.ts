import exifr from 'exifr';
import { z } from 'zod';
import {
  cannotTell,
  type CannotTell,
  type Metadata,
  type MetadataNote,
} from '../../../shared/analysis.ts';
import type { Box, GreyImage } from '../image/grey-image.ts';
import { compareThumbnailRegions } from './thumbnail.ts';

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

export interface MetadataContext {
  sessionDate: Date | null;
  /** Decodes the embedded thumbnail (its pixels the run's raster scope's); throws when it cannot. */
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
  let thumbnailRegion: Box | undefined;
  let thumb: Uint8Array | undefined;
  try {
    thumb = (await exifr.thumbnail(bytes)) ?? undefined;
  } catch {
    thumbnail = 'unreadable';
  }
  if (thumb && thumb.length > 0) {
    try {
      const decoded = await ctx.decodeThumbnail(thumb);
      const compared = compareThumbnailRegions(ctx.image, decoded);
      thumbnail = compared.verdict;
      if (compared.verdict === 'differs') thumbnailRegion = compared.region;
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
    ...(thumbnailRegion ? { thumbnailRegion } : {}),
    gps,
    notes,
  };
}
