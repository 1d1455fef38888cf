import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';

/** Tables that are not moved: migration bookkeeping (the target has its own), sessions
 * (readers sign in again) and the search index, whose structure differs by engine and
 * which is rebuilt on the target from the articles. */
const notCopied = /^(kysely_migration|kysely_migration_lock|sessions|search_.*|sqlite_.*)$/;

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters for the widest table. */
const batchRows = 200;

export interface TableCopy {
  table: string;
  rows: number;
}

export class MigrateDataError extends Error {
  override name = 'MigrateDataError';
}

// biome-ignore lint/suspicious/noExplicitAny: tables are read by name, outside the typed schema.
type AnyDB = Kysely<any>;

async function sqliteTables(db: AnyDB): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' order by name`.execute(db);
  return rows
    .map((r) => r.name)
    .filter((name) => !notCopied.test(name) && !/_(data|idx|content|docsize|config)$/.test(name));
}

async function postgresColumns(db: AnyDB): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const { table, column } of rows) tables.set(table, [...(tables.get(table) ?? []), column]);
  return tables;
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function dependencyOrder(db: AnyDB, tables: string[]): Promise<string[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`.execute(db);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const { parent } of rows.filter((r) => r.child === table && r.parent !== table)) {
      if (tables.includes(parent)) visit(parent, path);
    }
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function count(db: AnyDB, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Copies a whole SQLite site into an empty, migrated PostgreSQL database, in one
 * transaction, and checks that every table holds as many rows on both sides.
 * Identity counters are moved past the copied ids so new rows do not collide.
 */
export async function copySite(
  source: DB,
  target: DB,
  onTable: (copy: TableCopy) => void = () => {},
): Promise<TableCopy[]> {
  const from = source.withoutPlugins() as AnyDB;
  const to = target.withoutPlugins() as AnyDB;
  for (const table of ['users', 'articles']) {
    if ((await count(to, table)) > 0) {
      throw new MigrateDataError(
        `the target database is not empty: it already has ${table}; give an empty database`,
      );
    }
  }
  const targetColumns = await postgresColumns(to);
  const tables = (await sqliteTables(from)).filter((table) => targetColumns.has(table));
  const ordered = await dependencyOrder(to, tables);
  const copies: TableCopy[] = [];
  await to.transaction().execute(async (trx) => {
    // Rows the migrations seeded (none today) would collide with the copied ones.
    for (const table of [...ordered].reverse()) await trx.deleteFrom(table).execute();
    for (const table of ordered) {
      const { rows: sourceColumns } = await sql<{ name: string }>`
        select name from pragma_table_info(${table})`.execute(from);
      const columns = sourceColumns.map((c) => c.name).filter((c) => targetColumns.get(table)?.includes(c));
      const hasId = columns.includes('id');
      let copied = 0;
      // Pages follow the rowid, so a large table costs one index seek per page, not a rescan.
      let after = -1;
      for (;;) {
        const page = (await from
          .selectFrom(table)
          .select([sql<number>`rowid`.as('__rowid'), ...columns.map((c) => sql.ref(c).as(c))] as never)
          .where(sql`rowid`, '>', after)
          .orderBy(sql`rowid`)
          .limit(batchRows)
          .execute()) as Record<string, unknown>[];
        if (page.length === 0) break;
        after = Number(page[page.length - 1]?.__rowid);
        const rows = page.map(({ __rowid, ...row }) => row);
        await trx.insertInto(table).values(rows).execute();
        copied += rows.length;
      }
      if (hasId) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)
          where pg_get_serial_sequence(${table}, 'id') is not null`.execute(trx);
      }
      const copy = { table, rows: copied };
      copies.push(copy);
      onTable(copy);
    }
  });
  for (const { table } of copies) {
    const [was, now] = [await count(from, table), await count(to, table)];
    if (was !== now) throw new MigrateDataError(`${table}: ${was} rows in SQLite but ${now} in PostgreSQL`);
  }
  return copies;
}
