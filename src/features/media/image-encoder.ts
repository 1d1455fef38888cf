import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'sharp';
import { ValidationError } from '../../platform/errors.js';
import { type ImageCrop, type ImageFormat, imageCropSizes, imageCrops } from './image.js';

/**
 * Sharp and its libvips (about 25 MB resident) load with the first image to encode, so a
 * server that only reads never holds them.
 */
async function loadSharp() {
  return (await import('sharp')).default;
}

/** Widths served to readers: a phone, a tablet or desktop column, a wide screen. */
export const variantWidths = [480, 960, 1600] as const;

// A 40-megapixel photo is the largest a newsroom camera hands over; beyond that
// an upload is more likely a decompression bomb than a picture.
export const maxInputPixels = 40_000_000;

/**
 * What an upload may be, judged by its decoded header and never by its name or
 * its declared MIME type. SVG is refused because it is a document that can carry
 * script; HEIC (HEIF with HEVC) because the bundled libvips cannot decode it.
 */
const uploadFormats = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif']);

export const storedFormats: readonly ImageFormat[] = ['avif', 'webp', 'jpg'];

export interface Decoded {
  /** Upright pixels (EXIF orientation applied) and their layout. */
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

function unreadable(cause: unknown): ValidationError {
  const message = cause instanceof Error ? cause.message : '';
  if (/pixel limit/i.test(message)) return tooManyPixels();
  if (/unsupported image format/i.test(message)) {
    return new ValidationError(
      'این فایل تصویر نیست. فقط عکس‌های JPEG، PNG، WebP، AVIF، GIF یا TIFF پذیرفته می‌شوند.',
      { cause },
    );
  }
  return new ValidationError(
    'فایل تصویر ناقص یا خراب است و خوانده نشد. آن را دوباره از منبع بگیرید یا با نرم‌افزار دیگری ذخیره کنید.',
    { cause },
  );
}

function tooManyPixels(): ValidationError {
  const mp = (maxInputPixels / 1_000_000).toLocaleString('fa-IR');
  return new ValidationError(
    `ابعاد این تصویر بیش از حد بزرگ است (بیش از ${mp} مگاپیکسل). تصویر را کوچک‌تر کنید و دوباره بفرستید.`,
  );
}

/** Refuses what a newsroom upload may not be; a trusted source (the demo seeder) skips this. */
export function checkUploadFormat(meta: Metadata): void {
  if (meta.format === 'svg') {
    throw new ValidationError(
      'فایل SVG پذیرفته نمی‌شود، چون می‌تواند اسکریپت داشته باشد. آن را به PNG یا JPEG تبدیل کنید.',
    );
  }
  if (meta.format === 'heif' && meta.compression !== 'av1') {
    throw new ValidationError('عکس HEIC آیفون پذیرفته نمی‌شود. آن را به JPEG تبدیل کنید و دوباره بفرستید.');
  }
  if (!uploadFormats.has(meta.format ?? '')) {
    throw new ValidationError(
      'این نوع تصویر پذیرفته نمی‌شود. فقط JPEG، PNG، WebP، AVIF، GIF یا TIFF را بفرستید.',
    );
  }
}

/**
 * Reads the header, lets `check` judge it, then decodes the whole image once.
 * Every failure becomes a ValidationError with a message the uploader can act
 * on; nothing is written anywhere.
 */
export async function decodeImage(input: Buffer, check?: (meta: Metadata) => void): Promise<Decoded> {
  const sharp = await loadSharp();
  // failOn 'warning' makes a truncated JPEG an error instead of a grey lower half.
  const source = () => sharp(input, { limitInputPixels: maxInputPixels, failOn: 'warning' });
  const meta = await source()
    .metadata()
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  check?.(meta);
  if (!meta.width || !meta.height) throw new ValidationError('اندازهٔ تصویر خوانده نشد.');
  if (meta.width * meta.height > maxInputPixels) throw tooManyPixels();
  const { data, info } = await source()
    .rotate()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** The widths to make for an image this wide: the standard ones below it, and one at most its own width. */
export function widthsFor(width: number): number[] {
  const widths: number[] = variantWidths.filter((w) => w < width);
  if (widths.length < variantWidths.length) widths.push(Math.min(width, variantWidths.at(-1) ?? width));
  return widths;
}

function variantPath(base: string, width: number, format: ImageFormat): string {
  return `${base}-${width}.${format}`;
}

/**
 * Writes every variant of decoded pixels under `base` (a path without the
 * `-960.webp` suffix). Each width is resized once and its three encodings run
 * side by side; if any write fails, every file of the set is removed.
 */
export async function writeVariants(
  decoded: Decoded,
  base: string,
  widths: readonly number[],
): Promise<void> {
  const sharp = await loadSharp();
  const raw = { width: decoded.width, height: decoded.height, channels: decoded.channels };
  await mkdir(path.dirname(base), { recursive: true });
  try {
    await Promise.all(
      widths.map(async (w) => {
        const resized = await sharp(decoded.data, { raw })
          .resize({ width: w, withoutEnlargement: true })
          .raw()
          .toBuffer({ resolveWithObject: true });
        const pixels = () =>
          sharp(resized.data, {
            raw: { width: resized.info.width, height: resized.info.height, channels: resized.info.channels },
          });
        await Promise.all([
          // Effort 1 (of 0–9): a 12 MP upload takes about 3 s on two cores, effort 2 about 3.5 s; AVIF is still the smallest.
          pixels()
            .avif({ quality: 50, effort: 1 })
            .toFile(variantPath(base, w, 'avif')),
          pixels()
            .webp({ quality: 78 })
            .toFile(variantPath(base, w, 'webp')),
          pixels()
            .flatten({ background: '#ffffff' })
            .jpeg({ quality: 80, mozjpeg: true })
            .toFile(variantPath(base, w, 'jpg')),
        ]);
      }),
    );
  } catch (error) {
    await removeVariants(base, widths);
    throw error;
  }
}

/** Removes a variant set; missing files are fine, so it is safe after a partial write. */
export async function removeVariants(base: string, widths: readonly number[]): Promise<void> {
  await Promise.all(
    widths.flatMap((w) => storedFormats.map((f) => rm(variantPath(base, w, f), { force: true }))),
  );
}

function cropPath(base: string, crop: ImageCrop): string {
  return `${base}-${crop}.jpg`;
}

/**
 * Writes the fixed-size JPEG crops of decoded pixels under `base`. Sharp's attention strategy keeps
 * the busiest part of the picture (usually the faces) inside each crop. A picture smaller than a
 * crop is enlarged: search engines and previews ask for at least that size. If any write fails,
 * every crop of the set is removed.
 */
export async function writeCrops(decoded: Decoded, base: string): Promise<ImageCrop[]> {
  const sharp = await loadSharp();
  const raw = { width: decoded.width, height: decoded.height, channels: decoded.channels };
  await mkdir(path.dirname(base), { recursive: true });
  try {
    await Promise.all(
      imageCrops.map((crop) =>
        sharp(decoded.data, { raw })
          .resize({ ...imageCropSizes[crop], fit: 'cover', position: sharp.strategy.attention })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 80, mozjpeg: true })
          .toFile(cropPath(base, crop)),
      ),
    );
  } catch (error) {
    await removeCrops(base);
    throw error;
  }
  return [...imageCrops];
}

/** Removes an image's crops; missing files are fine. */
export async function removeCrops(base: string): Promise<void> {
  await Promise.all(imageCrops.map((crop) => rm(cropPath(base, crop), { force: true })));
}
