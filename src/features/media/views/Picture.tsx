import { type Image, imageSrcSet, imageVariantUrl, pickVariantWidth } from '../image.js';

export interface PictureProps {
  image: Image;
  /** The CSS `sizes` hint: how wide the picture is drawn, so phones fetch the small variant. */
  sizes: string;
  eager?: boolean;
  className?: string;
}

/**
 * A responsive picture: AVIF where the image has it and the browser takes it,
 * then WebP, then JPEG; lazy unless it leads the page. Browsers take the first
 * `<source>` whose type they support, so the smallest encoding goes first.
 */
export function Picture({ image, sizes, eager = false, className }: PictureProps) {
  const fallback = imageVariantUrl(image, pickVariantWidth(image, 960), 'jpg');
  return (
    <picture class={className}>
      {image.formats.includes('avif') && (
        <source type="image/avif" srcset={imageSrcSet(image, 'avif')} sizes={sizes} />
      )}
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
