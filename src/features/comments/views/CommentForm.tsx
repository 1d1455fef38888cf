import { toPersianDigits } from '../../../platform/persian/digits.js';
import { commentLimits } from '../comment.js';

export interface CommentFormValues {
  name: string;
  email: string;
  body: string;
  parentId: string;
}

export const emptyCommentForm: CommentFormValues = { name: '', email: '', body: '', parentId: '' };

/** The name of the hidden field only robots fill. */
export const honeypotField = 'website';

export interface CommentFormProps {
  newsCode: number;
  /** Makes each form's field ids unique when a page carries several (one per reply). */
  idPrefix: string;
  values?: CommentFormValues;
  /** The submit button's label. */
  submitLabel?: string;
}

/**
 * The reader's form. It carries no per-visitor token, so the page around it can
 * be cached for everyone; the server checks the Origin, the hidden field, the
 * rate and duplicates instead.
 */
export function CommentForm({
  newsCode,
  idPrefix,
  values = emptyCommentForm,
  submitLabel = 'ارسال نظر',
}: CommentFormProps) {
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form class="comment-form" method="post" action={`/news/${newsCode}/comments`}>
      {values.parentId && <input type="hidden" name="parentId" value={values.parentId} />}
      <p class="comment-form__field">
        <label for={id('name')}>نام</label>
        <input
          id={id('name')}
          name="name"
          type="text"
          required
          maxLength={commentLimits.name}
          autocomplete="name"
          value={values.name}
        />
      </p>
      <p class="comment-form__field">
        <label for={id('email')}>
          ایمیل <span class="comment-form__hint">(اختیاری؛ هرگز نمایش داده نمی‌شود)</span>
        </label>
        <input
          id={id('email')}
          name="email"
          type="email"
          maxLength={commentLimits.email}
          autocomplete="email"
          dir="ltr"
          value={values.email}
        />
      </p>
      {/* A trap for robots: hidden from people and from screen readers, skipped by Tab. */}
      <p class="comment-form__trap" aria-hidden="true">
        <label for={id(honeypotField)}>این خانه را خالی بگذارید</label>
        <input id={id(honeypotField)} name={honeypotField} type="text" tabIndex={-1} autocomplete="off" />
      </p>
      <p class="comment-form__field">
        <label for={id('body')}>متن نظر</label>
        <textarea
          id={id('body')}
          name="body"
          required
          rows={5}
          maxLength={commentLimits.body}
          aria-describedby={id('hint')}
        >
          {values.body}
        </textarea>
        <span class="comment-form__hint" id={id('hint')}>
          حداکثر {toPersianDigits(commentLimits.body)} نویسه. نظرها پس از بررسی تحریریه منتشر می‌شوند.
        </span>
      </p>
      <button type="submit" class="comment-form__submit">
        {submitLabel}
      </button>
    </form>
  );
}
