import { toPersianDigits } from '../../../platform/persian/digits.js';
import { CsrfField, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import { type Image, imageVariantUrl } from '../image.js';
import type { ImageUse } from '../image-repository.js';
import { ImageDetailsFields, type ImageDetailsValues } from './ImageDetailsFields.js';
import { Picture } from './Picture.js';

export interface MediaEditPageProps {
  ctx: NewsroomContext;
  image: Image;
  uses: ImageUse[];
  /** What was typed before a refusal; the stored details otherwise. */
  values?: ImageDetailsValues | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

const formatNames = { avif: 'AVIF', webp: 'WebP', jpg: 'JPEG' } as const;

/** One image: its description, the files made from it and the articles that show it. */
export function MediaEditPage({ ctx, image, uses, values, notice, error }: MediaEditPageProps) {
  const current = values ?? { alt: image.alt, credit: image.credit ?? '', caption: image.caption ?? '' };
  return (
    <NewsroomLayout ctx={ctx} title="ویرایش مشخصات عکس" area="media" notice={notice} error={error}>
      <p>
        <a href="/newsroom/media">→ بازگشت به کتابخانه</a>
      </p>
      <div class="media-layout">
        <figure class="nr-panel media-preview">
          <Picture image={image} sizes="(min-width: 900px) 480px, 100vw" eager />
          <figcaption>
            شناسهٔ <bdi dir="ltr">{image.id}</bdi> — ابعاد اصلی{' '}
            <bdi dir="ltr">
              {toPersianDigits(image.width)}×{toPersianDigits(image.height)}
            </bdi>{' '}
            پیکسل
          </figcaption>
        </figure>
        <section class="nr-panel" aria-labelledby="details-heading">
          <h2 id="details-heading">مشخصات</h2>
          <form method="post" action={`/newsroom/media/${image.id}`} class="nr-form">
            <CsrfField ctx={ctx} />
            <ImageDetailsFields values={current} idPrefix="image" />
            <p>
              <button type="submit" class="nr-button nr-button--primary">
                ذخیرهٔ مشخصات
              </button>
            </p>
          </form>
        </section>
      </div>
      <section class="nr-panel" aria-labelledby="variants-heading">
        <h2 id="variants-heading">نسخه‌های ساخته‌شده</h2>
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">عرض</th>
              {image.formats.map((format) => (
                <th scope="col" key={format}>
                  {formatNames[format]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {image.variantWidths.map((width) => (
              <tr key={width}>
                <th scope="row">{toPersianDigits(width)} پیکسل</th>
                {image.formats.map((format) => (
                  <td key={format}>
                    <a href={imageVariantUrl(image, width, format)} dir="ltr">
                      {`${width}.${format}`}
                    </a>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="nr-panel" aria-labelledby="uses-heading">
        <h2 id="uses-heading">کجا به کار رفته</h2>
        {uses.length === 0 ? (
          <p class="nr-hint">این عکس تصویر اصلی یا بخشی از گالری هیچ مطلبی نیست.</p>
        ) : (
          <ul>
            {uses.map((use) => (
              <li key={`${use.as}-${use.newsCode}`}>
                {use.title} <span class="nr-hint">(کد خبر {toPersianDigits(use.newsCode)})</span> —{' '}
                {use.as === 'cover' ? (
                  'تصویر اصلی'
                ) : (
                  <a href={`/newsroom/articles/${use.newsCode}/gallery`}>در گالری</a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </NewsroomLayout>
  );
}
