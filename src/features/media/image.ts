export interface Image {
  id: number;
  storageKey: string;
  width: number;
  height: number;
  /** Widths of the stored variants, ascending; each exists in every one of `formats`. */
  variantWidths: number[];
  /** The encodings on disk. WebP and JPEG always; AVIF for images uploaded since it was added. */
  formats: ImageFormat[];
  alt: string;
  caption: string | null;
  credit: string | null;
}

export type ImageFormat = 'avif' | 'webp' | 'jpg';

const knownFormats: readonly ImageFormat[] = ['avif', 'webp', 'jpg'];

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
