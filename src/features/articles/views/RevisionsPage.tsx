import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatJalaliDateTime } from '../../../platform/persian/jalali.js';
import { ActionButton, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { Article } from '../article.js';
import type { Revision } from '../article-service.js';
import type { DiffPart } from '../revision-diff.js';
import { stateNames } from './article-states.js';

/** Puts an earlier version back; asks first, and says the current text is not lost. */
function RestoreButton({ ctx, action }: { ctx: NewsroomContext; action: string }) {
  return (
    <ActionButton
      ctx={ctx}
      action={action}
      label="بازگرداندن این نسخه"
      confirm="متن این نسخه جای متن کنونی بنشیند؟ متن کنونی در تاریخچه می‌ماند."
    />
  );
}

export interface RevisionsPageProps {
  ctx: NewsroomContext;
  article: Article;
  revisions: Revision[];
  canRestore: boolean;
  notice?: string | undefined;
}

/** Every save of an article, newest first, each one comparable with the current text and restorable. */
export function RevisionsPage({ ctx, article, revisions, canRestore, notice }: RevisionsPageProps) {
  const base = `/newsroom/articles/${article.newsCode}`;
  return (
    <NewsroomLayout ctx={ctx} title={`تاریخچهٔ «${article.title}»`} area="articles" notice={notice}>
      <p>
        <a href={base}>بازگشت به ویرایش</a>
      </p>
      <ol class="nr-revisions" reversed>
        {revisions.map((revision, index) => (
          <li key={revision.id} class="nr-panel nr-revision">
            <div>
              <strong>{formatJalaliDateTime(revision.createdAt, ctx.timeZone)}</strong>
              {' — '}
              {revision.createdBy ?? 'سامانه'}
              {revision.autosave && <span class="nr-badge">ذخیرهٔ خودکار</span>}
              {index === 0 && <span class="nr-badge nr-badge--current">نسخهٔ کنونی</span>}
            </div>
            <div class="nr-hint">
              {stateNames[revision.snapshot.state]} · {revision.snapshot.title}
            </div>
            {index > 0 && (
              <div class="nr-actions nr-revision__actions">
                <a href={`${base}/revisions/${revision.id}`} class="nr-button">
                  مقایسه با نسخهٔ کنونی
                </a>
                {canRestore && (
                  <RestoreButton ctx={ctx} action={`${base}/revisions/${revision.id}/restore`} />
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </NewsroomLayout>
  );
}

export interface FieldDiff {
  label: string;
  parts: DiffPart[];
}

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="nr-diff">
      {parts.map((part, i) =>
        part.op === 'same' ? (
          part.text
        ) : part.op === 'added' ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <del key={i}>{part.text}</del>
        ),
      )}
    </p>
  );
}

export interface RevisionComparePageProps {
  ctx: NewsroomContext;
  article: Article;
  revision: Revision;
  fields: FieldDiff[];
  canRestore: boolean;
}

/** One earlier version against the current text: removed words struck through, added words marked. */
export function RevisionComparePage({
  ctx,
  article,
  revision,
  fields,
  canRestore,
}: RevisionComparePageProps) {
  const base = `/newsroom/articles/${article.newsCode}`;
  const changed = fields.filter((f) => f.parts.some((p) => p.op !== 'same'));
  return (
    <NewsroomLayout ctx={ctx} title="مقایسهٔ نسخه‌ها" area="articles">
      <p>
        نسخهٔ {formatJalaliDateTime(revision.createdAt, ctx.timeZone)} ({revision.createdBy ?? 'سامانه'}) در
        برابر نسخهٔ کنونی. واژه‌های <del>خط‌خورده</del> در متن کنونی نیستند و واژه‌های <ins>نشان‌دار</ins> تازه
        آمده‌اند.
      </p>
      <p>
        <a href={`${base}/revisions`}>همهٔ نسخه‌ها</a> · <a href={base}>بازگشت به ویرایش</a>
      </p>
      {changed.length === 0 ? (
        <p class="nr-panel">این نسخه با متن کنونی فرقی ندارد.</p>
      ) : (
        changed.map((field) => (
          <section class="nr-panel" key={field.label} aria-label={field.label}>
            <h2>{field.label}</h2>
            <Diff parts={field.parts} />
          </section>
        ))
      )}
      {canRestore && <RestoreButton ctx={ctx} action={`${base}/revisions/${revision.id}/restore`} />}
      <p class="nr-hint">شمارهٔ نسخه: {toPersianDigits(revision.id)}</p>
    </NewsroomLayout>
  );
}
