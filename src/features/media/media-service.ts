import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { Actor } from '../users/user.js';
import type { Image } from './image.js';
import {
  checkUploadFormat,
  decodeImage,
  removeCrops,
  removeVariants,
  storedFormats,
  widthsFor,
  writeCrops,
  writeVariants,
} from './image-encoder.js';
import {
  findImageById,
  findImagesByIds,
  findImagesWithoutCrops,
  findImageUses,
  type ImageUse,
  insertImage,
  searchImages,
  setImageCrops,
  updateImageDetails,
} from './image-repository.js';
import { canManageMedia } from './media-policy.js';

export { variantWidths } from './image-encoder.js';

export interface MediaServiceDeps {
  db: DB;
  clock: Clock;
  events: EventBus;
  mediaDir: string;
}

export interface ImageDetails {
  alt: string;
  caption?: string | null;
  credit?: string | null;
}

export interface ImagePage {
  items: Image[];
  /** The id to continue after, or null on the last page. */
  nextCursor: number | null;
}

export const mediaLimits = { alt: 250, caption: 500, credit: 120, q: 100, page: 24 } as const;

function requireText(value: string | null | undefined, message: string, label: string, max: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw new ValidationError(message);
  if (text.length > max)
    throw new ValidationError(`${label} بلندتر از ${max.toLocaleString('fa-IR')} نویسه است.`);
  return text;
}

/**
 * What an uploader must say about a picture: alt text (what a blind reader
 * hears) and credit (who made it) are required, the caption is optional.
 */
export function checkImageDetails(details: ImageDetails): Required<ImageDetails> {
  const alt = requireText(
    details.alt,
    'متن جایگزین (alt) را بنویسید: آنچه در عکس دیده می‌شود، برای کسی که آن را نمی‌بیند.',
    'متن جایگزین',
    mediaLimits.alt,
  );
  const credit = requireText(
    details.credit,
    'نام عکاس یا منبع عکس (اعتبار) را بنویسید.',
    'اعتبار عکس',
    mediaLimits.credit,
  );
  const caption = details.caption?.trim() || null;
  if (caption && caption.length > mediaLimits.caption) {
    throw new ValidationError(`شرح عکس بلندتر از ${mediaLimits.caption.toLocaleString('fa-IR')} نویسه است.`);
  }
  return { alt, credit, caption };
}

function requireMediaRole(actor: Actor): void {
  if (!canManageMedia(actor)) throw new ForbiddenError('کار با کتابخانهٔ رسانه با نویسندگان و دبیران است.');
}

export function createMediaService({ db, clock, events, mediaDir }: MediaServiceDeps) {
  async function store(input: Buffer, details: ImageDetails, upload: boolean): Promise<Image> {
    const decoded = await decodeImage(input, upload ? checkUploadFormat : undefined);
    const now = clock.now();
    const month = now.toISOString().slice(0, 7).replace('-', '/');
    const storageKey = `${month}/${randomBytes(8).toString('hex')}`;
    const widths = widthsFor(decoded.width);
    const base = path.join(mediaDir, storageKey);
    await writeVariants(decoded, base, widths);
    let crops: Image['crops'];
    try {
      crops = await writeCrops(decoded, base);
    } catch (error) {
      await removeVariants(base, widths);
      throw error;
    }
    try {
      return await insertImage(
        db,
        {
          storageKey,
          width: decoded.width,
          height: decoded.height,
          variantWidths: widths,
          formats: [...storedFormats],
          crops,
          alt: details.alt,
          caption: details.caption ?? null,
          credit: details.credit ?? null,
        },
        now,
      );
    } catch (error) {
      await Promise.all([removeVariants(base, widths), removeCrops(base)]);
      throw error;
    }
  }

  /** Crops an image stored before crops existed, from its largest JPEG variant (the original is not kept). */
  async function cropStoredImage(image: Image): Promise<void> {
    const base = path.join(mediaDir, image.storageKey);
    const largest = image.variantWidths.at(-1) ?? image.width;
    const decoded = await decodeImage(await readFile(`${base}-${largest}.jpg`));
    await setImageCrops(db, image.id, await writeCrops(decoded, base));
  }

  return {
    mediaDir,

    /**
     * Stores an image from a trusted source (demo content, imports, tests) as
     * AVIF, WebP and JPEG variants no wider than the original. The content
     * decides whether it is an image, never a file name.
     */
    storeImage(input: Buffer, details: ImageDetails): Promise<Image> {
      return store(input, details, false);
    },

    /**
     * A newsroom upload: the actor's role, the description and then the file
     * are checked, in that order, so a refusal costs no decoding and leaves no
     * file behind.
     */
    async upload(actor: Actor, input: Buffer, details: ImageDetails): Promise<Image> {
      requireMediaRole(actor);
      const checked = checkImageDetails(details);
      return store(input, checked, true);
    },

    async get(actor: Actor, id: number): Promise<{ image: Image; uses: ImageUse[] }> {
      requireMediaRole(actor);
      const image = await findImageById(db, id);
      if (!image) throw new NotFoundError('تصویری با این شناسه در کتابخانه نیست.');
      return { image, uses: await findImageUses(db, id) };
    },

    async describe(actor: Actor, id: number, details: ImageDetails): Promise<Image> {
      requireMediaRole(actor);
      const image = await updateImageDetails(db, id, checkImageDetails(details));
      if (!image) throw new NotFoundError('تصویری با این شناسه در کتابخانه نیست.');
      events.emit('media.described', { imageId: id });
      return image;
    },

    async search(actor: Actor, query: { q?: string; cursor?: string; limit?: number }): Promise<ImagePage> {
      requireMediaRole(actor);
      const limit = Math.min(query.limit ?? mediaLimits.page, 100);
      const q = query.q?.trim().slice(0, mediaLimits.q) || undefined;
      const before = query.cursor && /^\d{1,12}$/.test(query.cursor) ? Number(query.cursor) : undefined;
      const rows = await searchImages(db, { q, before, limit: limit + 1 });
      const items = rows.slice(0, limit);
      return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },

    /**
     * The upgrade step for crops: makes them for every image that has none (stored before crops
     * existed), one image at a time so a large library does not hold the machine, until `shouldStop`
     * says the server is closing. An image that cannot be cropped (a variant missing from disk) is
     * reported and skipped; its pages keep using the largest variant.
     */
    async cropImagesWithoutCrops(
      onError: (error: unknown, image: Image) => void,
      shouldStop: () => boolean = () => false,
    ): Promise<{ cropped: number; failed: number }> {
      let cropped = 0;
      let failed = 0;
      let afterId = 0;
      while (!shouldStop()) {
        const batch = await findImagesWithoutCrops(db, afterId, 20);
        if (batch.length === 0) break;
        for (const image of batch) {
          if (shouldStop()) break;
          afterId = image.id;
          try {
            await cropStoredImage(image);
            cropped += 1;
          } catch (error) {
            failed += 1;
            onError(error, image);
          }
        }
      }
      return { cropped, failed };
    },

    /** The images with these ids that exist, by id; for redrawing a form that named some that do not. */
    imagesByIds: (ids: readonly number[]) => findImagesByIds(db, ids),

    /** The images with these ids, in the given order; any unknown id is a refusal naming it. */
    async requireImages(ids: readonly number[]): Promise<Image[]> {
      const found = await findImagesByIds(db, ids);
      const missing = [...new Set(ids.filter((id) => !found.has(id)))];
      if (missing.length > 0) {
        throw new ValidationError(
          `این تصویرها در کتابخانه نیستند (شناسه: ${missing.join('، ')}). صفحه را دوباره باز کنید و از کتابخانه انتخاب کنید.`,
        );
      }
      return ids.flatMap((id) => found.get(id) ?? []);
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
