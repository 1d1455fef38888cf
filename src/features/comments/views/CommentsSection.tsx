import type { ComponentChildren } from 'preact';
import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatJalaliDate, formatTime } from '../../../platform/persian/jalali.js';
import type { ArticleComments, PublicComment } from '../comment.js';
import { CommentForm } from './CommentForm.js';
import { CommentText } from './CommentText.js';

/** What the page says after the form sent the reader back, by the `?comment=` value. */
export const commentNotices: Record<string, string> = {
  pending: 'نظر شما رسید و پس از بررسی تحریریه منتشر می‌شود. سپاس از همراهی‌تان.',
};

export function commentCountText(count: number): string {
  return `${toPersianDigits(count)} نظر`;
}

/** «۱۲ نظر» in the article's meta line, linked to the comments; nothing while there are none. */
export function CommentCount({ comments }: { comments: ArticleComments | undefined }) {
  if (!comments || comments.count === 0) return null;
  return (
    <div>
      <dt class="visually-hidden">نظرها:</dt>
      <dd>
        <a href="#comments">{commentCountText(comments.count)}</a>
      </dd>
    </div>
  );
}

function CommentItem(props: {
  comment: PublicComment;
  timeZone: string;
  links: boolean;
  children?: ComponentChildren;
}) {
  const { comment, timeZone, links } = props;
  return (
    <li class={comment.isStaff ? 'comment comment--staff' : 'comment'} id={`comment-${comment.id}`}>
      <p class="comment__meta">
        <span class="comment__name">{comment.name}</span>
        {comment.isStaff && <span class="comment__badge">پاسخ تحریریه</span>}
        <time class="comment__time" dateTime={comment.createdAt.toISOString()}>
          {formatJalaliDate(comment.createdAt, timeZone)} - {formatTime(comment.createdAt, timeZone)}
        </time>
      </p>
      <p class="comment__body" dir="auto">
        <CommentText body={comment.body} links={links} />
      </p>
      {props.children}
    </li>
  );
}

export interface CommentsSectionProps {
  comments: ArticleComments;
  newsCode: number;
  timeZone: string;
  /** The `?comment=` value the form's redirect added. */
  notice?: string | undefined;
}

/**
 * The comments under an article: approved threads oldest first, replies one
 * level in, and the form. Replying needs no script and no query string: each
 * thread carries its own small form inside a <details>, so the page stays one
 * cacheable document.
 */
export function CommentsSection({ comments, newsCode, timeZone, notice }: CommentsSectionProps) {
  const message = notice ? commentNotices[notice] : undefined;
  const links = comments.linksClickable;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 class="block__title" id="comments-title">
        نظرها
        {comments.count > 0 && <span class="comments__count"> ({commentCountText(comments.count)})</span>}
      </h2>
      {message && (
        <p class="comments__notice" role="status">
          {message}
        </p>
      )}
      {comments.threads.length > 0 ? (
        <ol class="comments__list">
          {comments.threads.map((thread) => (
            <CommentItem key={thread.id} comment={thread} timeZone={timeZone} links={links}>
              {thread.replies.length > 0 && (
                <ol class="comments__replies">
                  {thread.replies.map((reply) => (
                    <CommentItem key={reply.id} comment={reply} timeZone={timeZone} links={links} />
                  ))}
                </ol>
              )}
              {comments.open && (
                <details class="comment__reply">
                  <summary>پاسخ</summary>
                  <CommentForm
                    newsCode={newsCode}
                    idPrefix={`reply-${thread.id}`}
                    values={{ name: '', email: '', body: '', parentId: String(thread.id) }}
                    submitLabel="ارسال پاسخ"
                  />
                </details>
              )}
            </CommentItem>
          ))}
        </ol>
      ) : (
        comments.open && <p class="comments__empty">هنوز نظری منتشر نشده است. نخستین نظر را شما بنویسید.</p>
      )}
      {comments.open ? (
        <div class="comments__new" id="comment-form">
          <h3 class="comments__form-title">ارسال نظر</h3>
          <CommentForm newsCode={newsCode} idPrefix="comment" />
        </div>
      ) : (
        <p class="comments__closed">نظرها برای این مطلب بسته است.</p>
      )}
    </section>
  );
}
