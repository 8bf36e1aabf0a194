import { z } from 'zod';

/**
 * The one shape of a place on an image in what the analysis reports (the machine-readable zone,
 * a detected face, a printed value, where a thumbnail differs): a rectangle in the pixels of the
 * picture as displayed — its EXIF orientation applied, as the viewer shows it and as the
 * analysis decodes it.
 */
export const BoxSchema = z.object({
  left: z.number(),
  top: z.number(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
});
export type Box = z.infer<typeof BoxSchema>;
