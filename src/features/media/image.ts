export interface Image {
  id: number;
  storageKey: string;
  width: number;
  height: number;
  /** Widths of the stored variants, ascending; each exists in every one of `formats`. */
  variantWidths: number[];
  /** The encodings on disk. WebP and JPEG always; AVIF for images uploaded since it was added. */
  formats: ImageFormat[];
  /** The fixed-size JPEG crops on disk for search engines and link previews; empty until made. */
  crops: ImageCrop[];
  alt: string;
  caption: string | null;
  credit: string | null;
}

export type ImageFormat = 'avif' | 'webp' | 'jpg';

const knownFormats: readonly ImageFormat[] = ['avif', 'webp', 'jpg'];

/**
 * Crops made of every image: 16x9, 4x3 and 1x1 for the `image` of NewsArticle structured data (Google
 * asks for these ratios, each at least 50,000 pixels), and the 1200×630 that Open Graph and Twitter
 * cards show. All 1200 px wide, so each is far above that minimum.
 */
export const imageCropSizes = {
  '16x9': { width: 1200, height: 675 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1200, height: 1200 },
  og: { width: 1200, height: 630 },
} as const;

export type ImageCrop = keyof typeof imageCropSizes;

export const imageCrops = Object.keys(imageCropSizes) as ImageCrop[];

/** Reads the stored `crops` column, dropping unknown words like `parseImageFormats`. */
export function parseImageCrops(text: string): ImageCrop[] {
  const listed = text.split(',').map((c) => c.trim());
  return imageCrops.filter((c) => listed.includes(c));
}

/** Public URL of one crop, e.g. `/media/2026/11/ab12-16x9.jpg`. */
export function imageCropUrl(image: Pick<Image, 'storageKey'>, crop: ImageCrop): string {
  return `/media/${image.storageKey}-${crop}.jpg`;
}

export interface SharedImage {
  url: string;
  width: number;
  height: number;
}

/**
 * The picture to show for `crop` in previews and structured data: the crop when it has been made,
 * otherwise (an image stored before crops existed and not yet upgraded) the largest JPEG variant.
 */
export function sharedImage(image: Image, crop: ImageCrop): SharedImage {
  if (image.crops.includes(crop)) return { url: imageCropUrl(image, crop), ...imageCropSizes[crop] };
  const width = image.variantWidths.at(-1) ?? image.width;
  return {
    url: imageVariantUrl(image, width, 'jpg'),
    width,
    height: Math.round((image.height * width) / image.width),
  };
}

/** Reads the stored `formats` column; unknown words are dropped, so an old row never breaks a page. */
export function parseImageFormats(text: string): ImageFormat[] {
  const listed = text.split(',').map((f) => f.trim());
  return knownFormats.filter((f) => listed.includes(f));
}

/** Public URL of one stored variant. Keys are ASCII, so no encoding is needed. */
export function imageVariantUrl(
  image: Pick<Image, 'storageKey'>,
  width: number,
  format: ImageFormat,
): string {
  return `/media/${image.storageKey}-${width}.${format}`;
}

export function imageSrcSet(image: Pick<Image, 'storageKey' | 'variantWidths'>, format: ImageFormat): string {
  return image.variantWidths.map((w) => `${imageVariantUrl(image, w, format)} ${w}w`).join(', ');
}

/** The smallest variant at least `wanted` pixels wide, or the largest there is. */
export function pickVariantWidth(image: Pick<Image, 'variantWidths'>, wanted: number): number {
  const widths = image.variantWidths;
  return widths.find((w) => w >= wanted) ?? widths[widths.length - 1] ?? 0;
}
