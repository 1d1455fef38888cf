import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatJalaliDate, formatTime } from '../../../platform/persian/jalali.js';
import { countWords, wordCountText } from '../../../platform/persian/words.js';
import { CsrfField, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import { imageVariantUrl, pickVariantWidth } from '../../media/image.js';
import { type Article, articleKindNames, articleKinds, articlePath } from '../article.js';
import { bodyText } from '../article-body.js';
import type { ArticleFormValues } from '../article-form.js';
import { stateNames } from './article-states.js';

export interface ArticleEditorPageProps {
  ctx: NewsroomContext;
  sections: { slug: string; name: string }[];
  /** The saved article; absent while writing a new one. */
  article?: Article | undefined;
  values: ArticleFormValues;
  canPublish: boolean;
  notice?: string | undefined;
  error?: string | undefined;
}

function Field(props: { id: string; label: string; hint?: string; children: preact.ComponentChildren }) {
  return (
    <div class="nr-field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <span class="nr-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

/**
 * The article editor. A plain form that works without JavaScript (the body is
 * then an HTML textarea); the newsroom script turns the body into a rich-text
 * editor, saves drafts as the writer types and adds the pickers.
 */
export function ArticleEditorPage({
  ctx,
  sections,
  article,
  values,
  canPublish,
  notice,
  error,
}: ArticleEditorPageProps) {
  const action = article ? `/newsroom/articles/${article.newsCode}` : '/newsroom/articles';
  const editable = !article || article.state === 'draft' || article.state === 'inReview';
  const live = article?.state === 'published';
  const title = article ? `ویرایش: ${article.title}` : 'مطلب تازه';
  const words = countWords(bodyText(values.body));
  const cover =
    article?.cover && String(article.cover.id) === values.coverImageId ? article.cover : undefined;
  return (
    <NewsroomLayout ctx={ctx} title={title} area={article ? 'articles' : 'new'} notice={notice} error={error}>
      {article && (
        <p class="nr-article-status">
          <span class={`nr-state nr-state--${article.state}`}>{stateNames[article.state]}</span>
          <span>
            کد خبر <bdi>{toPersianDigits(article.newsCode)}</bdi>
          </span>
          {article.state === 'scheduled' && article.publishAt && (
            <span>
              انتشار: {formatJalaliDate(article.publishAt, ctx.timeZone)} ساعت{' '}
              {formatTime(article.publishAt, ctx.timeZone)}
            </span>
          )}
          {live && <a href={articlePath(article)}>دیدن در سایت</a>}
          <a href={`/newsroom/articles/${article.newsCode}/revisions`}>تاریخچهٔ نسخه‌ها</a>
          {article.publishedAt && <a href={`/newsroom/articles/${article.newsCode}/stats`}>آمار بازدید</a>}
          <a href={`/newsroom/articles/${article.newsCode}/gallery`}>گالری تصاویر</a>
        </p>
      )}
      <form
        id="article-form"
        class="nr-editor"
        method="post"
        action={action}
        data-autosave-url={editable ? `${action}/autosave` : undefined}
        data-draft-key={article ? `article-${article.newsCode}` : 'article-new'}
      >
        <CsrfField ctx={ctx} />
        {/* Enter in a text field submits with the form's first submit button. Without this one that
            was «انتشار همین حالا»: an editor pressing Enter in the title published a half-written story. */}
        <button
          type="submit"
          name="action"
          value="save"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
        >
          ذخیره
        </button>
        <input type="hidden" name="revision" value={values.revision} />
        {article && <input type="hidden" name="newsCode" value={String(article.newsCode)} />}
        <div class="nr-editor__main">
          <Field id="surtitle" label="روتیتر">
            <input id="surtitle" name="surtitle" type="text" maxLength={150} value={values.surtitle} />
          </Field>
          <Field id="title" label="تیتر">
            <input
              id="title"
              name="title"
              type="text"
              required
              maxLength={300}
              value={values.title}
              class="nr-input-title"
            />
          </Field>
          <Field id="lead" label="لید" hint="یک یا دو جمله که مهم‌ترین بخش خبر را می‌گوید.">
            <textarea id="lead" name="lead" rows={3} maxLength={1200} aria-describedby="lead-hint">
              {values.lead}
            </textarea>
          </Field>
          <div class="nr-field nr-body-field">
            <label for="body">متن</label>
            <textarea
              id="body"
              name="body"
              rows={20}
              dir="rtl"
              data-rich-editor
              data-media-url="/newsroom/media.json"
              data-upload-url="/newsroom/media"
              data-typography-url="/newsroom/typography"
              aria-describedby="body-hint"
            >
              {values.body}
            </textarea>
            <span class="nr-hint" id="body-hint" data-plain-editor-hint>
              بدون جاوااسکریپت، متن را با HTML ساده بنویسید (p، h2، blockquote، ul، a). هر ذخیره پاک‌سازی
              می‌شود.
            </span>
          </div>
          <p class="nr-editor__meta">
            <span data-word-count aria-live="polite">
              {wordCountText(words)}
            </span>
            <span data-autosave-status aria-live="polite" />
          </p>
        </div>
        <aside class="nr-editor__side" aria-label="مشخصات و انتشار">
          <fieldset class="nr-panel">
            <legend class="nr-panel-title">انتشار</legend>
            {canPublish ? (
              <>
                <button type="submit" name="action" value="publish" class="nr-button nr-button--primary">
                  {live ? 'به‌روزرسانی مطلب منتشرشده' : 'انتشار همین حالا'}
                </button>
                {!live && (
                  <div class="nr-schedule">
                    <p class="nr-label">زمان‌بندی انتشار</p>
                    <div class="nr-schedule__fields">
                      <Field id="publishDate" label="تاریخ">
                        <input
                          id="publishDate"
                          name="publishDate"
                          type="text"
                          inputMode="numeric"
                          placeholder="۱۴۰۵/۰۹/۰۸"
                          data-jalali-date
                          value={values.publishDate}
                        />
                      </Field>
                      <Field id="publishTime" label="ساعت">
                        <input
                          id="publishTime"
                          name="publishTime"
                          type="text"
                          inputMode="numeric"
                          placeholder="۱۴:۳۰"
                          data-time
                          value={values.publishTime}
                        />
                      </Field>
                    </div>
                    <button type="submit" name="action" value="schedule" class="nr-button">
                      زمان‌بندی
                    </button>
                  </div>
                )}
              </>
            ) : (
              <p class="nr-hint">انتشار با دبیر است؛ وقتی مطلب آماده شد، آن را برای بررسی بفرستید.</p>
            )}
            <div class="nr-actions">
              {editable && (
                <button type="submit" name="action" value="save" class="nr-button">
                  ذخیرهٔ پیش‌نویس
                </button>
              )}
              {!editable && (
                <button type="submit" name="action" value="save" class="nr-button">
                  ذخیره
                </button>
              )}
              {article?.state !== 'inReview' && !live && (
                <button
                  type="submit"
                  name="action"
                  value="review"
                  class={canPublish ? 'nr-button' : 'nr-button nr-button--primary'}
                >
                  فرستادن برای بررسی
                </button>
              )}
              {canPublish && (article?.state === 'scheduled' || article?.state === 'inReview') && (
                <button type="submit" name="action" value="draft" class="nr-button">
                  {article.state === 'scheduled' ? 'لغو زمان‌بندی' : 'بازگرداندن به پیش‌نویس'}
                </button>
              )}
              <button
                type="submit"
                formaction="/newsroom/preview"
                formtarget="_blank"
                formnovalidate
                name="action"
                value="preview"
                class="nr-button"
              >
                پیش‌نمایش
              </button>
              {canPublish && live && article && (
                <button
                  type="submit"
                  formaction={`/newsroom/articles/${article.newsCode}/unpublish`}
                  formnovalidate
                  class="nr-button nr-button--danger"
                  data-confirm="این مطلب از سایت برداشته شود؟ نشانی آن دیگر باز نمی‌شود."
                >
                  برداشتن از سایت
                </button>
              )}
            </div>
          </fieldset>
          <fieldset class="nr-panel">
            <legend class="nr-panel-title">مشخصات</legend>
            <Field id="section" label="سرویس">
              <select id="section" name="section" required>
                {sections.map((s) => (
                  <option key={s.slug} value={s.slug} selected={s.slug === values.section}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="kind" label="نوع مطلب">
              <select id="kind" name="kind">
                {articleKinds.map((k) => (
                  <option key={k} value={k} selected={k === values.kind}>
                    {articleKindNames[k]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="tags" label="برچسب‌ها" hint="با ویرگول (،) جدا کنید.">
              <input
                id="tags"
                name="tags"
                type="text"
                autocomplete="off"
                data-tag-input
                data-suggest-url="/newsroom/tags.json"
                value={values.tags}
                aria-describedby="tags-hint"
              />
            </Field>
            <Field id="byline" label="نام نویسنده یا خبرنگار">
              <input id="byline" name="byline" type="text" maxLength={150} value={values.byline} />
            </Field>
            <Field id="source" label="منبع">
              <input id="source" name="source" type="text" maxLength={150} value={values.source} />
            </Field>
            <div class="nr-field">
              <span class="nr-label" id="cover-label">
                تصویر شاخص
              </span>
              <div data-cover-preview class="nr-cover-preview">
                {cover ? (
                  <img
                    src={imageVariantUrl(cover, pickVariantWidth(cover, 480), 'jpg')}
                    alt={cover.alt}
                    width={cover.width}
                    height={cover.height}
                  />
                ) : (
                  values.coverImageId && <span>تصویر شمارهٔ {toPersianDigits(values.coverImageId)}</span>
                )}
              </div>
              <label for="coverImageId" class="nr-hint">
                شمارهٔ تصویر در کتابخانهٔ رسانه
              </label>
              <input
                id="coverImageId"
                name="coverImageId"
                type="text"
                inputMode="numeric"
                value={values.coverImageId}
                aria-describedby="cover-label"
              />
              <button
                type="button"
                class="nr-button"
                data-image-picker-for="coverImageId"
                data-media-url="/newsroom/media.json"
                data-upload-url="/newsroom/media"
                hidden
              >
                انتخاب تصویر شاخص
              </button>
            </div>
            <div class="nr-field nr-field--check">
              <label>
                <input type="checkbox" name="commentsEnabled" value="1" checked={values.commentsEnabled} />{' '}
                نظرها باز باشد
              </label>
            </div>
          </fieldset>
        </aside>
      </form>
    </NewsroomLayout>
  );
}
