import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatJalaliDate, formatTime } from '../../../platform/persian/jalali.js';
import { ActionButton, CsrfField, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import { articlePath } from '../../articles/article.js';
import {
  type CommentState,
  commentLimits,
  commentStates,
  type ModerationAction,
  moderationActions,
  type QueuedComment,
} from '../comment.js';
import { CommentText } from './CommentText.js';

export const stateNames: Record<CommentState, string> = {
  pending: 'در انتظار بررسی',
  approved: 'تأییدشده',
  rejected: 'ردشده',
  spam: 'هرزنامه',
};

const actionLabels: Record<ModerationAction, string> = {
  approve: 'تأیید',
  reject: 'رد',
  spam: 'هرزنامه',
};

export interface QueueView {
  state: CommentState;
  /** The news code filter as typed, "" for every article. */
  newsCode: string;
}

/** The queue's address for a tab and filter, with optional extra parameters. */
export function queueUrl(view: QueueView, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    state: view.state,
    ...(view.newsCode ? { newsCode: view.newsCode } : {}),
  });
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/newsroom/comments?${params}`;
}

export interface CommentsQueuePageProps {
  ctx: NewsroomContext;
  view: QueueView;
  items: QueuedComment[];
  counts: Record<CommentState, number>;
  nextUrl?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

function QueueItem({
  ctx,
  view,
  comment,
}: {
  ctx: NewsroomContext;
  view: QueueView;
  comment: QueuedComment;
}) {
  const back = { state: view.state, newsCode: view.newsCode };
  const actions = (Object.keys(moderationActions) as ModerationAction[]).filter(
    (action) => moderationActions[action] !== comment.state,
  );
  return (
    <li class="cm-item" id={`c${comment.id}`}>
      <div class="cm-item__head">
        <input
          type="checkbox"
          name="ids"
          value={String(comment.id)}
          form="comments-bulk"
          aria-label={`انتخاب نظر ${comment.name}`}
        />
        <span class="cm-item__name">{comment.name}</span>
        {comment.isStaff && <span class="cm-item__staff">پاسخ تحریریه</span>}
        {comment.email && (
          <a class="cm-item__email" href={`mailto:${comment.email}`} dir="ltr">
            {comment.email}
          </a>
        )}
        <time dateTime={comment.createdAt.toISOString()}>
          {formatJalaliDate(comment.createdAt, ctx.timeZone)} - {formatTime(comment.createdAt, ctx.timeZone)}
        </time>
      </div>
      <p class="cm-item__article">
        {comment.parentId !== null && <>در پاسخ به نظر #{toPersianDigits(comment.parentId)} · </>}
        <a href={articlePath(comment.article)}>{comment.article.title}</a>{' '}
        <a href={queueUrl({ ...view, newsCode: String(comment.article.newsCode) })} class="cm-item__filter">
          (همهٔ نظرهای این خبر)
        </a>
      </p>
      <p class="cm-item__body" dir="auto">
        <CommentText body={comment.body} />
      </p>
      <div class="cm-item__actions">
        {actions.map((action) => (
          <ActionButton
            key={action}
            ctx={ctx}
            action={`/newsroom/comments/${comment.id}/${action}`}
            label={actionLabels[action]}
            danger={action !== 'approve'}
            fields={back}
          />
        ))}
      </div>
      {comment.state === 'approved' && (
        <details class="cm-item__reply">
          <summary>پاسخ به نام تحریریه</summary>
          <form method="post" action={`/newsroom/comments/${comment.id}/reply`} class="nr-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="state" value={view.state} />
            <input type="hidden" name="newsCode" value={view.newsCode} />
            <label class="nr-label" for={`reply-${comment.id}`}>
              متن پاسخ (بی‌درنگ منتشر می‌شود و «پاسخ تحریریه» نشان می‌خورد)
            </label>
            <textarea
              id={`reply-${comment.id}`}
              name="body"
              required
              maxLength={commentLimits.body}
              rows={3}
            />
            <button type="submit" class="nr-button nr-button--primary">
              انتشار پاسخ
            </button>
          </form>
        </details>
      )}
    </li>
  );
}

/** The moderation queue: one tab per state, a filter by news code, per-item and bulk decisions. */
export function CommentsQueuePage({
  ctx,
  view,
  items,
  counts,
  nextUrl,
  notice,
  error,
}: CommentsQueuePageProps) {
  return (
    <NewsroomLayout ctx={ctx} title="نظرها" area="comments" notice={notice} error={error}>
      <nav class="cm-tabs" aria-label="وضعیت نظرها">
        <ul>
          {commentStates.map((state) => (
            <li key={state}>
              <a href={queueUrl({ ...view, state })} aria-current={state === view.state ? 'page' : undefined}>
                {stateNames[state]} <span class="cm-tabs__n">{toPersianDigits(counts[state])}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/newsroom/comments" class="cm-filter">
        <input type="hidden" name="state" value={view.state} />
        <label for="cm-news-code">کد خبر</label>
        <input id="cm-news-code" name="newsCode" inputMode="numeric" dir="ltr" value={view.newsCode} />
        <button type="submit" class="nr-button">
          صافی
        </button>
        {view.newsCode && <a href={queueUrl({ ...view, newsCode: '' })}>همهٔ خبرها</a>}
      </form>

      {items.length === 0 ? (
        <p class="nr-hint">در این فهرست نظری نیست.</p>
      ) : (
        <>
          <form method="post" action="/newsroom/comments/bulk" id="comments-bulk" class="cm-bulk">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="state" value={view.state} />
            <input type="hidden" name="newsCode" value={view.newsCode} />
            <label for="cm-bulk-action">با نظرهای انتخاب‌شده:</label>
            <select id="cm-bulk-action" name="action">
              {(Object.keys(moderationActions) as ModerationAction[]).map((action) => (
                <option key={action} value={action}>
                  {actionLabels[action]}
                </option>
              ))}
            </select>
            <button type="submit" class="nr-button">
              اجرا
            </button>
          </form>
          <ol class="cm-list">
            {items.map((comment) => (
              <QueueItem key={comment.id} ctx={ctx} view={view} comment={comment} />
            ))}
          </ol>
        </>
      )}
      {nextUrl && (
        <p>
          <a href={nextUrl}>نظرهای قدیمی‌تر ←</a>
        </p>
      )}
    </NewsroomLayout>
  );
}
