import type { ArticleState } from '../article.js';

/** Persian names of the workflow states, as the desk says them. */
export const stateNames: Record<ArticleState, string> = {
  draft: 'پیش‌نویس',
  inReview: 'در انتظار بررسی',
  scheduled: 'زمان‌بندی‌شده',
  published: 'منتشرشده',
  unpublished: 'برداشته‌شده',
};
