import { createHash } from 'node:crypto';

export const commentStates = ['pending', 'approved', 'rejected', 'spam'] as const;
export type CommentState = (typeof commentStates)[number];

export function isCommentState(value: string): value is CommentState {
  return (commentStates as readonly string[]).includes(value);
}

/** The three decisions a moderator makes, and the state each one leads to. */
export const moderationActions = { approve: 'approved', reject: 'rejected', spam: 'spam' } as const;
export type ModerationAction = keyof typeof moderationActions;

export function isModerationAction(value: string): value is ModerationAction {
  return Object.hasOwn(moderationActions, value);
}

export const commentLimits = {
  name: 60,
  email: 254,
  body: 1500,
  /** More links than this in one comment is how most link spam looks; such a comment is refused. */
  links: 2,
} as const;

export interface Comment {
  id: number;
  articleId: number;
  /** Always a top-level comment: replies are one level deep. */
  parentId: number | null;
  name: string;
  email: string | null;
  body: string;
  state: CommentState;
  isStaff: boolean;
  authorUserId: number | null;
  createdAt: Date;
  moderatedAt: Date | null;
  moderatedBy: number | null;
}

/** A comment in the moderation queue, with the article it belongs to. */
export interface QueuedComment extends Comment {
  article: { id: number; newsCode: number; slug: string; title: string };
}

/** What readers see of an approved comment: never the email. */
export interface PublicComment {
  id: number;
  name: string;
  body: string;
  isStaff: boolean;
  createdAt: Date;
  replies: PublicComment[];
}

/** The comments part of an article page. */
export interface ArticleComments {
  /** Approved comments, replies included. */
  count: number;
  /** Top-level approved comments, oldest first, each with its approved replies. */
  threads: PublicComment[];
  /** False when the desk closed comments on the article. */
  open: boolean;
  /** Whether web addresses in these (approved) comments are shown as links. */
  linksClickable: boolean;
}

// Control characters and bidi overrides: the first can break a page's layout or
// a terminal, the second can make a comment display as something other than what
// was typed. The zero-width non-joiner (U+200C) that Persian words need is kept.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const unwantedCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** A comment's text as stored: Unix line ends, no trailing spaces, at most one blank line in a row. */
export function normalizeBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(unwantedCharacters, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A name on one line with single spaces. */
export function normalizeName(text: string): string {
  return text.replace(unwantedCharacters, '').replace(/\s+/g, ' ').trim();
}

/**
 * The fingerprint duplicate detection compares: case, spacing and the Arabic
 * forms of ی and ک do not make a copy of a comment into a new one.
 */
export function bodyFingerprint(body: string): string {
  const folded = body.toLowerCase().replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(folded).digest('hex');
}

const linkPattern = /(?:https?:\/\/|www\.)[^\s<>"']+/gi;
// A sentence's closing punctuation after a link belongs to the sentence, not to the address.
const trailingPunctuation = /[.,;:!?)\]}»،؛؟'"]+$/u;

export function countLinks(body: string): number {
  return body.match(linkPattern)?.length ?? 0;
}

export type TextSegment = { text: string } | { text: string; href: string };

/**
 * Splits one line of a comment into plain text and web addresses. Only http(s)
 * addresses become links; everything else, markup included, stays text.
 */
export function linkSegments(line: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const match of line.matchAll(linkPattern)) {
    const raw = match[0].replace(trailingPunctuation, '');
    const start = match.index ?? 0;
    const href = safeHref(raw);
    if (!href) continue;
    if (start > at) segments.push({ text: line.slice(at, start) });
    segments.push({ text: raw, href });
    at = start + raw.length;
  }
  if (at < line.length) segments.push({ text: line.slice(at) });
  return segments;
}

function safeHref(raw: string): string | undefined {
  try {
    const url = new URL(raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Approved comments (any order) as threads: top-level oldest first, each with its replies oldest first. */
export function threadComments(comments: readonly Comment[]): PublicComment[] {
  const byTime = [...comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const visible = (c: Comment): PublicComment => ({
    id: c.id,
    name: c.name,
    body: c.body,
    isStaff: c.isStaff,
    createdAt: c.createdAt,
    replies: [],
  });
  const threads = new Map<number, PublicComment>();
  for (const comment of byTime) if (comment.parentId === null) threads.set(comment.id, visible(comment));
  // A reply whose top-level comment is not approved is not shown: it would answer nothing visible.
  for (const comment of byTime) {
    if (comment.parentId !== null) threads.get(comment.parentId)?.replies.push(visible(comment));
  }
  return [...threads.values()];
}

/** Where a new reply attaches: a reply to a reply joins the thread of the top-level comment. */
export function threadRoot(parent: Pick<Comment, 'id' | 'parentId'>): number {
  return parent.parentId ?? parent.id;
}

export interface RequestOrigin {
  origin?: string | undefined;
  referer?: string | undefined;
  /** The browser's Sec-Fetch-Site header. */
  fetchSite?: string | undefined;
}

/**
 * Whether a form post comes from the site's own pages. The comment form has no
 * per-visitor token (article pages stay cacheable), so the browser's word is
 * what is checked: Origin must be the site's origin; without Origin, Referer's
 * origin must be; with neither (privacy tools strip them, scripts send none),
 * the post is accepted unless Sec-Fetch-Site says another site sent it.
 */
export function isSameOrigin(request: RequestOrigin, siteOrigin: string): boolean {
  if (request.origin !== undefined) return request.origin === siteOrigin;
  if (request.referer !== undefined) {
    try {
      return new URL(request.referer).origin === siteOrigin;
    } catch {
      return false;
    }
  }
  return request.fetchSite !== 'cross-site' && request.fetchSite !== 'same-site';
}

/** A plausible address: something@something.something, no spaces. The site never mails it. */
export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
