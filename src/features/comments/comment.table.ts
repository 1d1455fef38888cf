import type { Generated } from 'kysely';

export interface CommentsTable {
  id: Generated<number>;
  articleId: number;
  /** The top-level comment this one answers; null for a top-level comment. */
  parentId: number | null;
  name: string;
  /** Given by the reader for the newsroom's eyes only; never printed on the site. */
  email: string | null;
  body: string;
  state: string;
  /** 1 when the newsroom wrote it (a reply as the newsroom). */
  isStaff: Generated<number>;
  authorUserId: number | null;
  /** HMAC-SHA256 of the client address under the site's key; null for the newsroom's replies. */
  ipHash: string | null;
  /** SHA-256 of the normalized body, to spot a comment sent twice. */
  bodyHash: string;
  createdAt: string;
  moderatedAt: string | null;
  moderatedBy: number | null;
}

export interface CommentSettingsTable {
  key: string;
  value: string;
}
