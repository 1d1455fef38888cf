import type { Generated } from 'kysely';

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string | null;
  userId: number | null;
  createdAt: string;
}
