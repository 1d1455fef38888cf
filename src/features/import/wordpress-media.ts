import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../platform/errors.js';
import { imageVariantUrl, pickVariantWidth } from '../media/image.js';
import { findImagesByIds } from '../media/image-repository.js';
import type { ImportContext } from './import-context.js';
import { findAttachmentByPath, findMapping, saveMapping } from './import-mapping-repository.js';
import { type ImageAddresses, imageSources } from './wordpress-content.js';
import { plainText } from './wordpress-text.js';
import type { WxrItem } from './wxr.js';

const uploadsMarker = '/wp-content/uploads/';

/** The path under wp-content/uploads of an address ("2024/01/tehran-300x200.jpg"), or undefined. */
export function uploadsPath(address: string): string | undefined {
  const at = address.indexOf(uploadsMarker);
  if (at < 0) return undefined;
  const rest = address.slice(at + uploadsMarker.length).split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(rest) || undefined;
  } catch {
    return rest || undefined;
  }
}

/** The original file behind one of WordPress's resized copies: "a-300x200.jpg" → "a.jpg". */
export function originalUpload(file: string): string {
  return file.replace(/-\d{2,5}x\d{2,5}(?=\.[a-z0-9]+$)/i, '');
}

/** The file inside --media-dir, or undefined when the path would leave it or the file is missing. */
function fileInside(mediaDir: string, relative: string): string | undefined {
  const root = path.resolve(mediaDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * An attachment (a picture the site uploaded) goes through the media pipeline when its file is in
 * --media-dir: variants in AVIF, WebP and JPEG, like a newsroom upload. Otherwise it is recorded
 * with its original address; posts then point at that address on this site (see README).
 */
export async function importAttachment(ctx: ImportContext, item: WxrItem): Promise<void> {
  const { db, media, clock } = ctx.deps;
  const relative = item.meta._wp_attached_file || uploadsPath(item.attachmentUrl);
  const entry = {
    kind: 'attachments' as const,
    id: item.postId,
    title: item.title,
    link: item.attachmentUrl,
  };
  if (!relative) {
    ctx.report.skip({ ...entry, reason: 'attachment without a file' });
    return;
  }
  const mapped = await findMapping(db, ctx.source, 'attachment', item.postId);
  if (mapped && (mapped.targetId !== null || !ctx.options.mediaDir)) {
    ctx.report.already('attachments');
    return;
  }
  const file = ctx.options.mediaDir ? fileInside(ctx.options.mediaDir, relative) : undefined;
  const keep = async (reason: string) => {
    ctx.report.skip({ ...entry, reason });
    if (ctx.options.dryRun) return;
    const record = {
      source: ctx.source,
      kind: 'attachment' as const,
      sourceId: item.postId,
      targetId: null,
      lookupKey: relative,
    };
    await saveMapping(db, record, clock.now());
  };
  if (!file) {
    await keep(
      ctx.options.mediaDir
        ? 'kept at its original address: file not in --media-dir'
        : 'kept at its original address (no --media-dir)',
    );
    return;
  }
  if (ctx.options.dryRun) {
    ctx.report.imported('attachments');
    return;
  }
  try {
    const image = await media.storeImage(readFileSync(file), {
      alt: plainText(item.meta._wp_attachment_image_alt || item.title),
      caption: plainText(item.excerpt) || null,
      credit: null,
    });
    const record = {
      source: ctx.source,
      kind: 'attachment' as const,
      sourceId: item.postId,
      targetId: image.id,
      lookupKey: relative,
    };
    await saveMapping(db, record, clock.now());
    ctx.report.imported('attachments');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await keep(`kept at its original address: not a picture the media library takes (${error.message})`);
  }
}

/** The Khabar image a WordPress upload address became (its own file or a resized copy), if any. */
export async function imageIdOf(ctx: ImportContext, address: string): Promise<number | undefined> {
  const relative = uploadsPath(address);
  if (!relative) return undefined;
  const { db } = ctx.deps;
  return (
    (await findAttachmentByPath(db, ctx.source, relative)) ??
    (await findAttachmentByPath(db, ctx.source, originalUpload(relative)))
  );
}

/**
 * Where each picture of a post body goes: an imported image at its Khabar variant, a picture of
 * the old site not imported at the same path on this site (root-relative, since the site's
 * Content-Security-Policy shows pictures of its own origin only). `missing` names the latter.
 */
export async function imageAddressesFor(ctx: ImportContext, html: string) {
  const images = new Map<string, { src: string; width?: number; height?: number }>();
  const missing: string[] = [];
  for (const src of new Set(imageSources(html))) {
    const relative = uploadsPath(src);
    if (!relative) continue;
    const id = await imageIdOf(ctx, src);
    const image = id === undefined ? undefined : (await findImagesByIds(ctx.deps.db, [id])).get(id);
    if (image) {
      const width = pickVariantWidth(image, 960);
      const height = Math.round((image.height * width) / image.width);
      images.set(src, { src: imageVariantUrl(image, width, 'jpg'), width, height });
    } else {
      images.set(src, { src: `${uploadsMarker}${relative.split('/').map(encodeURIComponent).join('/')}` });
      missing.push(src);
    }
  }
  return { images: images as ImageAddresses, missing };
}
