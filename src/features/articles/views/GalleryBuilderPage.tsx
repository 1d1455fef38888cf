import { toPersianDigits } from '../../../platform/persian/digits.js';
import { CsrfField, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { Image } from '../../media/image.js';
import { thumbUrl } from '../../media/media-presenter.js';
import { mediaLimits } from '../../media/media-service.js';
import { type Article, articlePath, type GalleryItem } from '../article.js';

export interface GalleryBuilderPageProps {
  ctx: NewsroomContext;
  article: Article;
  /** The gallery as saved, or as just submitted when it was refused. */
  items: GalleryItem[];
  /** Library images to add from: the newest, or those matching `q`. */
  library: Image[];
  q: string;
  notice?: string | undefined;
  error?: string | undefined;
}

/** A small preview; `decorative` where the alt text is already printed beside it. */
function Thumb({ image, decorative = false }: { image: Image; decorative?: boolean }) {
  return (
    <img
      src={thumbUrl(image)}
      alt={decorative ? '' : image.alt}
      width={image.width}
      height={image.height}
      loading="lazy"
      decoding="async"
      class="gallery-builder__thumb"
    />
  );
}

/**
 * The photo-story builder. One form holds the whole gallery; every button
 * (save, move, remove, add) posts it all, so nothing typed is lost and it
 * works without JavaScript. The library search is its own GET form, tied to
 * its fields by the `form` attribute because forms cannot nest.
 */
export function GalleryBuilderPage({
  ctx,
  article,
  items,
  library,
  q,
  notice,
  error,
}: GalleryBuilderPageProps) {
  const action = `/newsroom/articles/${article.newsCode}/gallery`;
  const inGallery = new Set(items.map((item) => item.image.id));
  const count = toPersianDigits(items.length);
  return (
    <NewsroomLayout ctx={ctx} title={`گالری: ${article.title}`} area="articles" notice={notice} error={error}>
      <p class="nr-hint">
        کد خبر {toPersianDigits(article.newsCode)}
        {article.state === 'published' && (
          <>
            {' — '}
            <a href={articlePath(article)}>دیدن در سایت</a>
          </>
        )}
      </p>
      <form id="gallery-search" method="get" action={action} />
      <form method="post" action={action} class="gallery-builder">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="q" value={q} />
        <section class="nr-panel" aria-labelledby="gallery-heading">
          <h2 id="gallery-heading">عکس‌های گالری ({count})</h2>
          {/* First in the form, so Enter in any field of it saves rather than moving or removing. */}
          <p>
            <button type="submit" name="op" value="save" class="nr-button nr-button--primary">
              ذخیرهٔ گالری
            </button>
          </p>
          {items.length === 0 ? (
            <p class="nr-hint">گالری خالی است. از کتابخانهٔ پایین صفحه عکس بیفزایید.</p>
          ) : (
            <ol class="gallery-builder__list">
              {items.map((item, index) => {
                const n = toPersianDigits(index + 1);
                return (
                  <li
                    key={item.image.id}
                    id={`gallery-item-${item.image.id}`}
                    tabIndex={-1}
                    class="gallery-builder__item"
                  >
                    <input type="hidden" name="imageId" value={String(item.image.id)} />
                    <Thumb image={item.image} />
                    <div class="nr-field gallery-builder__caption">
                      <label for={`caption-${index}`}>
                        شرح عکس {n} از {count}
                      </label>
                      <textarea
                        id={`caption-${index}`}
                        name="caption"
                        rows={3}
                        maxLength={mediaLimits.caption}
                        placeholder={item.image.caption ?? ''}
                      >
                        {item.caption ?? ''}
                      </textarea>
                      <p class="nr-hint">
                        {item.image.credit && <>عکس: {item.image.credit}. </>}
                        اگر خالی بماند، شرح کتابخانه نشان داده می‌شود.
                      </p>
                    </div>
                    <div class="gallery-builder__actions">
                      <button
                        type="submit"
                        name="op"
                        value={`up:${index}`}
                        class="nr-button"
                        disabled={index === 0}
                        aria-label={`بردن عکس ${n} به بالا`}
                      >
                        ↑ بالا
                      </button>
                      <button
                        type="submit"
                        name="op"
                        value={`down:${index}`}
                        class="nr-button"
                        disabled={index === items.length - 1}
                        aria-label={`بردن عکس ${n} به پایین`}
                      >
                        ↓ پایین
                      </button>
                      <button
                        type="submit"
                        name="op"
                        value={`remove:${index}`}
                        class="nr-button nr-button--danger"
                        aria-label={`برداشتن عکس ${n} از گالری`}
                      >
                        برداشتن
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </section>

        <section class="nr-panel" aria-labelledby="library-heading">
          <h2 id="library-heading">افزودن از کتابخانه</h2>
          <p class="media-search">
            <label for="gallery-q">جست‌وجو در کتابخانه</label>
            <input id="gallery-q" name="q" type="search" value={q} maxLength={100} form="gallery-search" />
            <button type="submit" class="nr-button" form="gallery-search">
              جست‌وجو
            </button>
          </p>
          <p class="nr-hint">
            پیش از جست‌وجو شرح‌های تازه را ذخیره کنید. عکس تازه را در{' '}
            <a href="/newsroom/media">کتابخانهٔ رسانه</a> بارگذاری کنید.
          </p>
          {library.length === 0 ? (
            <p class="nr-hint">{q ? `عکسی با «${q}» پیدا نشد.` : 'کتابخانه هنوز عکسی ندارد.'}</p>
          ) : (
            <fieldset class="gallery-builder__library">
              <legend>عکس‌هایی را که می‌خواهید به انتهای گالری بیفزایید علامت بزنید</legend>
              <ul class="media-grid">
                {library.map((image) => (
                  <li key={image.id} class="media-card">
                    <label>
                      <input
                        type="checkbox"
                        name="add"
                        value={String(image.id)}
                        disabled={inGallery.has(image.id)}
                      />
                      <Thumb image={image} decorative />
                      <span class="media-card__alt">{image.alt}</span>
                      {inGallery.has(image.id) && <span class="media-card__credit">(در گالری هست)</span>}
                    </label>
                  </li>
                ))}
              </ul>
              <p>
                <button type="submit" name="op" value="add" class="nr-button">
                  افزودن عکس‌های علامت‌زده
                </button>
              </p>
            </fieldset>
          )}
        </section>
      </form>
    </NewsroomLayout>
  );
}
