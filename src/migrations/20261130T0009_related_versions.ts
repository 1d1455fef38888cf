import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.
//
// «مطالب مرتبط» lists published articles sharing a tag. A stored page keeps the box it was made
// with and uses it while none of its tags has changed since. What changes a tag's box is a
// published article with that tag coming, going, or changing what a line teaser shows, or
// gaining or losing the tag; every write path does one of those through these tables, so the
// database counts them itself (tags.related_version) rather than each writer remembering to.
const lineColumns = ['state', 'title', 'slug', 'news_code', 'kind', 'published_at', 'created_at'];

const lineChanged = lineColumns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tags')
    .addColumn('related_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('article_renders').addColumn('related_version', 'integer').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

const bumpTagsOf = (article: string) =>
  `update tags set related_version = related_version + 1
   where id in (select tag_id from article_tags where article_id = ${article}.id)`;

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  // SQLite has no IS DISTINCT FROM; IS NOT compares NULLs the same way.
  const changed = lineChanged.replaceAll('is distinct from', 'is not');
  const statements = [
    `create trigger articles_related_update after update on articles
     when (old.state = 'published' or new.state = 'published') and (${changed})
     begin ${bumpTagsOf('new')}; end`,
    `create trigger articles_related_delete before delete on articles
     when old.state = 'published'
     begin ${bumpTagsOf('old')}; end`,
    `create trigger article_tags_related_insert after insert on article_tags
     when (select state from articles where id = new.article_id) = 'published'
     begin update tags set related_version = related_version + 1 where id = new.tag_id; end`,
    `create trigger article_tags_related_delete after delete on article_tags
     when (select state from articles where id = old.article_id) = 'published'
     begin update tags set related_version = related_version + 1 where id = old.tag_id; end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function postgresTriggers(db: Kysely<any>): Promise<void> {
  const statements = [
    `create function articles_related_version() returns trigger language plpgsql as $$
     begin
       if tg_op = 'DELETE' then
         if old.state = 'published' then ${bumpTagsOf('old')}; end if;
         return old;
       end if;
       if (old.state = 'published' or new.state = 'published') and (${lineChanged}) then
         ${bumpTagsOf('new')};
       end if;
       return new;
     end $$`,
    `create trigger articles_related_version after update on articles
     for each row execute function articles_related_version()`,
    `create trigger articles_related_delete before delete on articles
     for each row execute function articles_related_version()`,
    `create function article_tags_related_version() returns trigger language plpgsql as $$
     declare link article_tags;
     begin
       if tg_op = 'DELETE' then link := old; else link := new; end if;
       if (select state from articles where id = link.article_id) = 'published' then
         update tags set related_version = related_version + 1 where id = link.tag_id;
       end if;
       return null;
     end $$`,
    `create trigger article_tags_related_version after insert or delete on article_tags
     for each row execute function article_tags_related_version()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw('drop trigger article_tags_related_version on article_tags').execute(db);
    await sql.raw('drop function article_tags_related_version').execute(db);
    await sql.raw('drop trigger articles_related_delete on articles').execute(db);
    await sql.raw('drop trigger articles_related_version on articles').execute(db);
    await sql.raw('drop function articles_related_version').execute(db);
  } else {
    for (const name of [
      'articles_related_update',
      'articles_related_delete',
      'article_tags_related_insert',
      'article_tags_related_delete',
    ])
      await sql.raw(`drop trigger ${name}`).execute(db);
  }
  await db.schema.alterTable('article_renders').dropColumn('related_version').execute();
  await db.schema.alterTable('tags').dropColumn('related_version').execute();
}
