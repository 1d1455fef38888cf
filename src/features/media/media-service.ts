import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ValidationError } from '../../platform/errors.js';
import type { Image } from './image.js';
import { insertImage } from './image-repository.js';

/** Widths served to readers: a phone, a tablet or desktop column, a wide screen. */
export const variantWidths = [480, 960, 1600] as const;

// A 40-megapixel photo is the largest a newsroom camera hands over; beyond that
// an upload is more likely a decompression bomb than a picture.
const maxInputPixels = 40_000_000;

export interface MediaServiceDeps {
  db: DB;
  clock: Clock;
  mediaDir: string;
}

export interface ImageDetails {
  alt: string;
  caption?: string | null;
  credit?: string | null;
}

export function createMediaService({ db, clock, mediaDir }: MediaServiceDeps) {
  return {
    mediaDir,

    /**
     * Stores an image as WebP and JPEG variants no wider than the original and
     * records it. The content decides whether it is an image, not a file name.
     */
    async storeImage(input: Buffer, details: ImageDetails): Promise<Image> {
      const source = sharp(input, { limitInputPixels: maxInputPixels }).rotate();
      const meta = await source.metadata().catch((error: unknown) => {
        throw new ValidationError('فایل فرستاده‌شده تصویر قابل خواندنی نیست.', { cause: error });
      });
      if (!meta.width || !meta.height) throw new ValidationError('اندازهٔ تصویر خوانده نشد.');
      const upright = (meta.orientation ?? 1) >= 5;
      const width = upright ? meta.height : meta.width;
      const height = upright ? meta.width : meta.height;

      const now = clock.now();
      const month = now.toISOString().slice(0, 7).replace('-', '/');
      const storageKey = `${month}/${randomBytes(8).toString('hex')}`;
      const widths: number[] = variantWidths.filter((w) => w < width);
      if (widths.length < variantWidths.length) widths.push(Math.min(width, variantWidths.at(-1) ?? width));

      const base = path.join(mediaDir, storageKey);
      await mkdir(path.dirname(base), { recursive: true });
      // Decode once; every variant is resized from the same pixels, the encodes run side by side.
      const { data, info } = await source.raw().toBuffer({ resolveWithObject: true });
      const pixels = () =>
        sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
      try {
        await Promise.all(
          widths.flatMap((w) => [
            pixels()
              .resize({ width: w, withoutEnlargement: true })
              .webp({ quality: 78 })
              .toFile(`${base}-${w}.webp`),
            pixels()
              .resize({ width: w, withoutEnlargement: true })
              .flatten({ background: '#ffffff' })
              .jpeg({ quality: 80, mozjpeg: true })
              .toFile(`${base}-${w}.jpg`),
          ]),
        );
        return await insertImage(
          db,
          {
            storageKey,
            width,
            height,
            variantWidths: widths,
            alt: details.alt,
            caption: details.caption ?? null,
            credit: details.credit ?? null,
          },
          now,
        );
      } catch (error) {
        await Promise.all(
          widths.flatMap((w) => ['webp', 'jpg'].map((ext) => rm(`${base}-${w}.${ext}`, { force: true }))),
        );
        throw error;
      }
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
