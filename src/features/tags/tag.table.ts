import type { Generated } from 'kysely';

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  createdAt: string;
  /** Counts the changes to the published articles carrying this tag (a trigger keeps it). */
  relatedVersion: Generated<number>;
}

export interface TagAliasesTable {
  slug: string;
  tagId: number;
}
