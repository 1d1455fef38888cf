import { toPersianDigits } from '../../../platform/persian/digits.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import { CommentForm, type CommentFormValues } from './CommentForm.js';

export interface CommentErrorPageProps {
  site: SiteContext;
  newsCode: number;
  status: number;
  message: string;
  values: CommentFormValues;
  /** False when sending again cannot help (comments are closed): the text is then only shown, to copy. */
  retry: boolean;
}

/**
 * The answer to a comment that was not taken: what went wrong, and the form again
 * with everything the reader typed, so nothing is lost.
 */
export function CommentErrorPage({ site, newsCode, status, message, values, retry }: CommentErrorPageProps) {
  const back = `/news/${newsCode}`;
  return (
    <Layout site={site} title="نظر شما فرستاده نشد">
      <section class="comment-error">
        <p class="comment-error__code">{toPersianDigits(status)}</p>
        <h1>نظر شما فرستاده نشد</h1>
        <p class="comment-error__message" role="alert">
          {message}
        </p>
        {retry ? (
          <>
            <p>
              متن شما این‌جا مانده است؛ آن را درست کنید و دوباره بفرستید، یا{' '}
              <a href={`${back}#comments`}>به خبر برگردید</a>.
            </p>
            <CommentForm newsCode={newsCode} idPrefix="comment" values={values} submitLabel="ارسال دوباره" />
          </>
        ) : (
          <>
            <label for="comment-text">متنی که نوشته بودید:</label>
            <textarea id="comment-text" readOnly rows={6}>
              {values.body}
            </textarea>
            <p>
              <a href={back}>بازگشت به خبر</a>
            </p>
          </>
        )}
      </section>
    </Layout>
  );
}
