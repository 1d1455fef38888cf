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
  createdAt: string;
}
