import { type Image, imageSrcSet, imageVariantUrl, pickVariantWidth } from '../image.js';

export interface PictureProps {
  image: Image;
  /** The CSS `sizes` hint: how wide the picture is drawn, so phones fetch the small variant. */
  sizes: string;
  eager?: boolean;
  className?: string;
}

/** A responsive picture: WebP where the browser takes it, JPEG otherwise, lazy unless it leads the page. */
export function Picture({ image, sizes, eager = false, className }: PictureProps) {
  const fallback = imageVariantUrl(image, pickVariantWidth(image, 960), 'jpg');
  return (
    <picture class={className}>
      <source type="image/webp" srcset={imageSrcSet(image, 'webp')} sizes={sizes} />
      <img
        src={fallback}
        srcset={imageSrcSet(image, 'jpg')}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        {...(eager ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  );
}
