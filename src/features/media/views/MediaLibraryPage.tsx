import { toPersianDigits } from '../../../platform/persian/digits.js';
import { CsrfField, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { Image } from '../image.js';
import { thumbUrl } from '../media-presenter.js';
import type { ImagePage } from '../media-service.js';
import { ImageDetailsFields, type ImageDetailsValues } from './ImageDetailsFields.js';

export interface MediaLibraryPageProps {
  ctx: NewsroomContext;
  q: string;
  /** The cursor this page started after, so a "first page" link can be offered. */
  cursor: string | undefined;
  page: ImagePage;
  /** What was typed into the upload form before a refusal. */
  upload?: ImageDetailsValues | undefined;
  maxUploadMegabytes: number;
  notice?: string | undefined;
  error?: string | undefined;
}

const acceptedTypes = 'image/jpeg,image/png,image/webp,image/avif,image/gif,image/tiff';

/** The library: upload a picture with its description, find one by what it shows or who took it. */
export function MediaLibraryPage(props: MediaLibraryPageProps) {
  const { ctx, q, page } = props;
  const values = props.upload ?? { alt: '', credit: '', caption: '' };
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...(q ? { q } : {}), ...extra });
    const text = params.toString();
    return text ? `/newsroom/media?${text}` : '/newsroom/media';
  };
  return (
    <NewsroomLayout ctx={ctx} title="کتابخانهٔ رسانه" area="media" notice={props.notice} error={props.error}>
      <div class="media-layout">
        <section class="nr-panel media-upload" aria-labelledby="upload-heading">
          <h2 id="upload-heading">بارگذاری عکس</h2>
          <form method="post" action="/newsroom/media" enctype="multipart/form-data" class="nr-form">
            <CsrfField ctx={ctx} />
            <ImageDetailsFields values={values} idPrefix="upload" />
            <div class="nr-field">
              <label for="upload-file">فایل عکس</label>
              <input
                id="upload-file"
                name="file"
                type="file"
                accept={acceptedTypes}
                required
                aria-describedby="upload-file-hint"
              />
              <p class="nr-hint" id="upload-file-hint">
                JPEG، PNG، WebP، AVIF، GIF یا TIFF، تا {toPersianDigits(props.maxUploadMegabytes)} مگابایت و
                ۴۰ مگاپیکسل. SVG پذیرفته نمی‌شود. نسخه‌های AVIF، WebP و JPEG در سه اندازه ساخته می‌شوند.
              </p>
            </div>
            <p>
              <button type="submit" class="nr-button nr-button--primary">
                بارگذاری
              </button>
            </p>
          </form>
        </section>

        <section class="media-browse" aria-labelledby="library-heading">
          <h2 id="library-heading">عکس‌های کتابخانه</h2>
          <form method="get" action="/newsroom/media" class="media-search">
            <label for="media-q">جست‌وجو در متن جایگزین، شرح و اعتبار</label>
            <input id="media-q" name="q" type="search" value={q} maxLength={100} />
            <button type="submit" class="nr-button">
              جست‌وجو
            </button>
            {q && <a href="/newsroom/media">همهٔ عکس‌ها</a>}
          </form>
          {page.items.length === 0 ? (
            <p class="nr-hint">{q ? `عکسی با «${q}» پیدا نشد.` : 'هنوز عکسی بارگذاری نشده است.'}</p>
          ) : (
            <ul class="media-grid">
              {page.items.map((image) => (
                <MediaCard key={image.id} image={image} />
              ))}
            </ul>
          )}
          <nav class="media-pages" aria-label="صفحه‌های کتابخانه">
            {props.cursor && <a href={query({})}>صفحهٔ نخست</a>}
            {page.nextCursor !== null && (
              <a href={query({ cursor: String(page.nextCursor) })} rel="next">
                عکس‌های قدیمی‌تر ←
              </a>
            )}
          </nav>
        </section>
      </div>
    </NewsroomLayout>
  );
}

function MediaCard({ image }: { image: Image }) {
  return (
    <li class="media-card">
      <a href={`/newsroom/media/${image.id}`} class="media-card__link">
        <img
          src={thumbUrl(image)}
          alt=""
          width={image.width}
          height={image.height}
          loading="lazy"
          decoding="async"
        />
        <span class="media-card__alt">{image.alt}</span>
      </a>
      {image.credit && <span class="media-card__credit">عکس: {image.credit}</span>}
      <span class="media-card__size">
        <bdi dir="ltr">
          {toPersianDigits(image.width)}×{toPersianDigits(image.height)}
        </bdi>
      </span>
    </li>
  );
}
