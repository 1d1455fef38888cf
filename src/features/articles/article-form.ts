import { ValidationError } from '../../platform/errors.js';
import { toAsciiDigits } from '../../platform/persian/digits.js';
import { jalaliDateTimeFields, parseJalaliDateTime } from '../../platform/persian/jalali.js';
import type { FormFields } from '../newsroom/form.js';
import type { Article } from './article.js';
import type { ArticleFields } from './article-service.js';

/** The editor form's fields as text, exactly as typed, so a refused save can show them again. */
export interface ArticleFormValues {
  title: string;
  surtitle: string;
  lead: string;
  body: string;
  section: string;
  tags: string;
  kind: string;
  byline: string;
  source: string;
  coverImageId: string;
  commentsEnabled: boolean;
  publishDate: string;
  publishTime: string;
  /** updatedAt of the version the form was loaded from; empty for a new article. */
  revision: string;
}

/** What the buttons of the editor ask for. */
export const editorActions = ['save', 'review', 'publish', 'schedule', 'draft'] as const;
export type EditorAction = (typeof editorActions)[number];

const actionStates: Record<Exclude<EditorAction, 'save'>, NonNullable<ArticleFields['state']>> = {
  review: 'inReview',
  publish: 'published',
  schedule: 'scheduled',
  draft: 'draft',
};

export function parseAction(text: string): EditorAction {
  return (editorActions as readonly string[]).includes(text) ? (text as EditorAction) : 'save';
}

export function emptyValues(section: string): ArticleFormValues {
  return {
    title: '',
    surtitle: '',
    lead: '',
    body: '',
    section,
    tags: '',
    kind: 'news',
    byline: '',
    source: '',
    coverImageId: '',
    commentsEnabled: true,
    publishDate: '',
    publishTime: '',
    revision: '',
  };
}

export function valuesFromArticle(article: Article, timeZone: string): ArticleFormValues {
  const scheduled = article.publishAt ? jalaliDateTimeFields(article.publishAt, timeZone) : undefined;
  return {
    title: article.title,
    surtitle: article.surtitle ?? '',
    lead: article.lead,
    body: article.body,
    section: article.section.slug,
    tags: article.tags.map((t) => t.name).join('، '),
    kind: article.kind,
    byline: article.byline ?? '',
    source: article.source ?? '',
    coverImageId: article.cover ? String(article.cover.id) : '',
    commentsEnabled: article.commentsEnabled,
    publishDate: scheduled?.date ?? '',
    publishTime: scheduled?.time ?? '',
    revision: article.updatedAt.toISOString(),
  };
}

export function valuesFromForm(form: FormFields): ArticleFormValues {
  return {
    title: form.text('title'),
    surtitle: form.text('surtitle'),
    lead: form.text('lead'),
    body: form.text('body'),
    section: form.text('section'),
    tags: form.text('tags'),
    kind: form.text('kind') || 'news',
    byline: form.text('byline'),
    source: form.text('source'),
    coverImageId: form.text('coverImageId'),
    commentsEnabled: form.checked('commentsEnabled'),
    publishDate: form.text('publishDate'),
    publishTime: form.text('publishTime'),
    revision: form.text('revision'),
  };
}

/** Tags typed as one line, separated by Persian or Latin commas, semicolons or new lines. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,،;؛\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** The service's fields from the form; the workflow state is added by the action. */
export function fieldsFromValues(values: ArticleFormValues): ArticleFields {
  const cover = toAsciiDigits(values.coverImageId.trim());
  if (cover && !/^\d{1,9}$/.test(cover)) throw new ValidationError('شمارهٔ تصویر شاخص درست نیست.');
  return {
    title: values.title,
    surtitle: values.surtitle || null,
    lead: values.lead,
    body: values.body,
    section: values.section,
    tags: splitTags(values.tags),
    kind: values.kind,
    byline: values.byline || null,
    source: values.source || null,
    coverImageId: cover ? Number(cover) : null,
    commentsEnabled: values.commentsEnabled,
  };
}

/** The state and publication time an action asks for; scheduling needs a valid Jalali date and time. */
export function workflowFor(
  action: EditorAction,
  values: ArticleFormValues,
  timeZone: string,
): Pick<ArticleFields, 'state' | 'publishAt'> {
  if (action === 'save') return {};
  if (action !== 'schedule') return { state: actionStates[action] };
  const at = parseJalaliDateTime(values.publishDate, values.publishTime, timeZone);
  if (!at) {
    throw new ValidationError('برای زمان‌بندی، تاریخ و ساعت انتشار را درست بنویسید، مثل ۱۴۰۵/۰۹/۰۸ و ۱۴:۳۰.');
  }
  return { state: 'scheduled', publishAt: at.toISOString() };
}
