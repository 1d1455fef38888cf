import type { Generated } from 'kysely';

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string | null;
  position: Generated<number>;
  createdAt: string;
}
