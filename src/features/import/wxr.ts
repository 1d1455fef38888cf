// The records of a WordPress eXtended RSS export (WXR 1.1 and 1.2, what WordPress 3 to 6 write
// under Tools → Export), as the reader hands them over one at a time. Values are the export's
// text, untouched: the importer decides what they mean.

export interface WxrSite {
  title: string;
  /** base_site_url: the site's address, e.g. "https://example.ir". */
  siteUrl: string;
  /** base_blog_url: where posts live; the same as siteUrl unless WordPress sits in a subfolder. */
  blogUrl: string;
  wxrVersion: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
}

export interface WxrCategory {
  termId: string;
  /** As WordPress stores it: Persian slugs are percent-encoded. */
  slug: string;
  parentSlug: string;
  name: string;
  description: string;
}

export interface WxrTag {
  termId: string;
  slug: string;
  name: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  /** Local site time, "2024-01-27 12:25:00". */
  date: string;
  dateGmt: string;
  content: string;
  /** "1" approved, "0" waiting, "spam", "trash". */
  approved: string;
  /** "" or "comment" for a reader's comment; "pingback", "trackback" otherwise. */
  type: string;
  parentId: string;
  userId: string;
}

export interface WxrTermRef {
  /** "category", "post_tag", or another taxonomy. */
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  postId: string;
  postType: string;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  /** Local site time, "2024-01-27 12:25:00"; permalinks are built from it. */
  postDate: string;
  /** UTC, or "0000-00-00 00:00:00" for a draft never published. */
  postDateGmt: string;
  postModifiedGmt: string;
  commentStatus: string;
  postName: string;
  status: string;
  postParent: string;
  postPassword: string;
  isSticky: boolean;
  attachmentUrl: string;
  terms: WxrTermRef[];
  meta: Record<string, string>;
  comments: WxrComment[];
}

export type WxrRecord =
  | { type: 'site'; site: WxrSite }
  | { type: 'author'; author: WxrAuthor }
  | { type: 'category'; category: WxrCategory }
  | { type: 'tag'; tag: WxrTag }
  | { type: 'item'; item: WxrItem };

/** WordPress's "never" instant, used for drafts' GMT dates. */
export const wordpressZeroDate = '0000-00-00 00:00:00';

/** A WXR date ("2024-01-27 08:55:00", UTC) as an instant; undefined for the zero date or nonsense. */
export function parseWxrGmt(value: string): Date | undefined {
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(value.trim());
  if (!match || value.startsWith('0000')) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const time = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  return Number.isNaN(time) ? undefined : new Date(time);
}
