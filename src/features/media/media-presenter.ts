import { type Image, imageVariantUrl, pickVariantWidth } from './image.js';

/** One image as the editor's picker dialog reads it (GET /newsroom/media.json); a promise to that client. */
export interface PickerItem {
  id: number;
  /** The 960 px JPEG, or the largest variant of a smaller image: what goes into an article body. */
  url: string;
  /** The 480 px WebP (or the largest below it), for the picker's grid. */
  thumbUrl: string;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
  credit: string | null;
}

export function thumbUrl(image: Image): string {
  return imageVariantUrl(image, pickVariantWidth(image, 480), 'webp');
}

export function toPickerItem(image: Image): PickerItem {
  return {
    id: image.id,
    url: imageVariantUrl(image, pickVariantWidth(image, 960), 'jpg'),
    thumbUrl: thumbUrl(image),
    width: image.width,
    height: image.height,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
  };
}
