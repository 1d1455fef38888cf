import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { DB } from '../../platform/db/database.js';

export const fixtureFile = new URL('./fixtures/persian-news.wxr.xml', import.meta.url).pathname;

/** A copy of wp-content/uploads for the fixture: the market photo, and a PDF that is not a picture. */
export async function fixtureUploads(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'khabar-uploads-'));
  mkdirSync(path.join(dir, '2024/01'), { recursive: true });
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#8a5a2b' } })
    .jpeg()
    .toFile(path.join(dir, '2024/01/bazar-tehran.jpg'));
  writeFileSync(path.join(dir, '2024/01/report.pdf'), '%PDF-1.4\n% not a picture\n');
  return dir;
}

const countedTables = [
  'articles',
  'articleRevisions',
  'articleTags',
  'users',
  'authors',
  'sections',
  'tags',
  'tagAliases',
  'images',
  'comments',
  'curationSlots',
  'importMappings',
  'redirects',
] as const;

/** How many rows each table the importer may write holds: equal snapshots mean nothing was written. */
export async function rowCounts(db: DB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Every file under a folder, recursively; for telling whether media files were written. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
