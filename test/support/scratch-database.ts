import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase {
  /** URL of the new database: same server and query parameters, other database name. */
  url: string;
  name: string;
  /** Drops the database `WITH (FORCE)`, disconnecting any client still using it. */
  drop(): Promise<void>;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `serverUrl` with the database name replaced, keeping host, user and query (e.g. `host=`) intact. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  if (url.protocol === 'socket:') url.searchParams.set('db', database);
  else url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a uniquely named UTF-8 database (`khabar_test_<pid>_<random>`) on the server, from
 * template0 with the C.UTF-8 locale (or the server's default locale when C.UTF-8 is unknown there).
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `khabar_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, async (client) => {
    try {
      await client.query(
        `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
      );
    } catch {
      // e.g. a server (KHABAR_TEST_DATABASE_URL) whose OS has no C.UTF-8 locale
      await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8'`);
    }
  });
  let dropped = false;
  return {
    url: withDatabase(serverUrl, name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    },
  };
}
