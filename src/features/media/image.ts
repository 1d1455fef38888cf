export interface Image {
  id: number;
  storageKey: string;
  width: number;
  height: number;
  /** Widths of the stored variants, ascending; each exists as WebP and JPEG. */
  variantWidths: number[];
  alt: string;
  caption: string | null;
  credit: string | null;
}

export type ImageFormat = 'webp' | 'jpg';

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
