import type { Generated } from 'kysely';

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  createdAt: string;
}

export interface TagAliasesTable {
  slug: string;
  tagId: number;
}
