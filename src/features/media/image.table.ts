import type { Generated } from 'kysely';

export interface ImagesTable {
  id: Generated<number>;
  storageKey: string;
  width: number;
  height: number;
  /** Comma-separated widths of the WebP/JPEG variants on disk, e.g. "480,960,1600". */
  variantWidths: string;
  alt: Generated<string>;
  caption: string | null;
  credit: string | null;
  /** Comma-separated encodings on disk, e.g. "avif,webp,jpg". */
  formats: Generated<string>;
  /** Comma-separated crops on disk, e.g. "16x9,4x3,1x1,og"; empty before they are made. */
  crops: Generated<string>;
  createdAt: string;
}
