import type { Compilable, CompiledQuery } from 'kysely';
import type { DB } from './database.js';

type Value = string | number;

interface Prepared<Row> {
  query: CompiledQuery<Row>;
  /** For each parameter of the compiled query, the argument it takes, or undefined for a constant. */
  slots: (number | undefined)[];
}

const standIn = (index: number) => `\u0000prepared-value-${index}`;

/**
 * A query of fixed shape that Kysely builds and compiles once per database, then runs
 * with new values. Building and compiling cost more than SQLite's run of a short
 * lookup, and a page that is not cached runs several. The builder gets stand-ins in
 * place of the values, so it must pass them to the query as they are: a value that
 * shapes the query (a list's length, a condition added or not) cannot be prepared.
 */
export function preparedQuery<Args extends Value[], Row>(
  build: (db: DB, ...args: Args) => Compilable<Row>,
): (db: DB, ...args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<DB, Prepared<Row>>();
  return async (db, ...args) => {
    let prepared = compiled.get(db);
    if (!prepared) {
      const standIns = args.map((_, index) => standIn(index));
      const query = build(db, ...(standIns as Args)).compile();
      const slots = query.parameters.map((parameter) => {
        const index = standIns.indexOf(parameter as string);
        return index === -1 ? undefined : index;
      });
      if (new Set(slots.filter((slot) => slot !== undefined)).size !== args.length)
        throw new Error('preparedQuery: every value must be a parameter of the query');
      prepared = { query, slots };
      // A transaction is a database object of its own, used once: nothing to keep.
      if (!db.isTransaction) compiled.set(db, prepared);
    }
    const { query, slots } = prepared;
    const parameters = query.parameters.map((constant, i) => {
      const slot = slots[i];
      return slot === undefined ? constant : args[slot];
    });
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}

/**
 * A `preparedQuery` whose one value is a list of ids (`IN (?, ?, …)`): each length is its own
 * shape, so one prepared form is kept per length up to `longest`; longer lists are built each time.
 * Teaser lists ask for a handful of ids on every page. No ids, no rows: `IN ()` is not SQL.
 */
export function preparedForIds<Row>(
  build: (db: DB, ids: readonly number[]) => Compilable<Row>,
  longest = 24,
): (db: DB, ids: readonly number[]) => Promise<Row[]> {
  const byLength: ((db: DB, ...ids: number[]) => Promise<Row[]>)[] = [];
  return async (db, ids) => {
    if (ids.length === 0) return [];
    if (ids.length > longest) return (await db.executeQuery(build(db, ids).compile())).rows;
    let run = byLength[ids.length];
    if (!run) {
      run = preparedQuery((inner: DB, ...args: number[]) => build(inner, args));
      byLength[ids.length] = run;
    }
    return run(db, ...ids);
  };
}
