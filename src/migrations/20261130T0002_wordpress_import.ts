import type { Kysely } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // What an import made of each WordPress record. A second run, or a run resumed after an
  // interruption, finds its earlier work here and creates nothing twice. `source` names the
  // WordPress site (its host), so two sites imported into one Khabar do not share ids.
  // `target_id` is null for an attachment kept only by its original address. `lookup_key` is a
  // second key the importer finds records by: an attachment's file path under wp-content/uploads
  // (body images are matched by it), an author's byline slug.
  await db.schema
    .createTable('import_mappings')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer')
    .addColumn('lookup_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['source', 'kind', 'source_id'])
    .execute();
  await db.schema
    .createIndex('import_mappings_lookup_idx')
    .on('import_mappings')
    .columns(['source', 'kind', 'lookup_key'])
    .execute();

  // Old addresses that answer 301 with the new one; looked up by the whole normalized path
  // (or "/?p=123") only when no route matched, so a lookup is one primary-key read.
  await db.schema
    .createTable('redirects')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('redirects').execute();
  await db.schema.dropTable('import_mappings').execute();
}
