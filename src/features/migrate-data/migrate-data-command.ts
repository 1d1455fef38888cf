import { createServices } from '../../app.js';
import { openMigratedDatabase } from '../../cli/prepare.js';
import type { Config } from '../../config/config.js';
import { copySite, MigrateDataError, type TableCopy } from './migrate-data.js';

/**
 * `khabar migrate-data --to postgres://…`: moves the configured SQLite site into
 * an empty PostgreSQL database (migrated first), rebuilds the search index
 * there and says what moved. The SQLite file is only read.
 */
export async function runMigrateData(
  config: Config,
  to: string,
  print: (line: string) => void,
): Promise<TableCopy[]> {
  if (config.database.engine !== 'sqlite') {
    throw new MigrateDataError(
      'migrate-data copies a SQLite site: unset DATABASE_URL or point it to the SQLite file',
    );
  }
  if (!/^postgres(ql)?:\/\//.test(to)) {
    throw new MigrateDataError('--to must be a PostgreSQL URL such as postgres://user:password@host/khabar');
  }
  const targetConfig: Config = { ...config, database: { engine: 'postgres', url: to } };
  const source = await openMigratedDatabase(config);
  try {
    const target = await openMigratedDatabase(targetConfig);
    try {
      const copies = await copySite(source.db, target.db, ({ table, rows }) => print(`${table}: ${rows}`));
      const services = createServices({ config: targetConfig, db: target.db }, (error, what) =>
        console.error(what, error),
      );
      const { done } = await services.search.reindex();
      print(`search index rebuilt: ${done} articles`);
      const total = copies.reduce((sum, copy) => sum + copy.rows, 0);
      print(
        `done: ${total} rows in ${copies.length} tables, counts checked; now set DATABASE_URL=${redacted(to)}`,
      );
      return copies;
    } finally {
      await target.destroy();
    }
  } finally {
    await source.destroy();
  }
}

function redacted(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
