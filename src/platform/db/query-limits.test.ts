import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createScratchDatabase, type ScratchDatabase } from '../../../test/support/scratch-database.js';
import { enginesUnderTest } from '../../../test/support/test-app.js';
import { loadConfig } from '../../config/config.js';
import { type DatabaseHandle, openDatabase, poolStatsOf } from './database.js';
import { queryContext, type SlowQuery, slowQueryLog } from './query-log.js';

const postgres = (await enginesUnderTest()).find((engine) => engine.name === 'postgres');

describe('database limits from the configuration', () => {
  it('reads the pool size, statement timeout and slow-query threshold, and refuses nonsense', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://khabar@db/khabar',
      KHABAR_DB_POOL_SIZE: '25',
      KHABAR_DB_STATEMENT_TIMEOUT_MS: '3000',
      KHABAR_SLOW_QUERY_MS: '200',
    });
    assert.deepEqual(config.database, {
      engine: 'postgres',
      url: 'postgres://khabar@db/khabar',
      poolSize: 25,
      statementTimeoutMs: 3000,
      slowQueryMs: 200,
    });
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://khabar@db/khabar', KHABAR_DB_POOL_SIZE: '0' }),
      /KHABAR_DB_POOL_SIZE must be a whole number from 1 to 1000 \(got "0"\)/,
    );
  });

  it('logs a slow query with the request it ran for, and without its parameters', () => {
    const logged: SlowQuery[] = [];
    const log = slowQueryLog(100, (query) => logged.push(query));
    const event = (ms: number) =>
      ({
        level: 'query',
        queryDurationMillis: ms,
        query: { sql: 'select * from users where email = $1', parameters: ['reader@example.com'] },
      }) as unknown as Parameters<typeof log>[0];
    queryContext.run({ requestId: 'ab12cd34' }, () => {
      log(event(40));
      log(event(250));
    });
    assert.deepEqual(logged, [
      { ms: 250, sql: 'select * from users where email = $1', requestId: 'ab12cd34' },
    ]);
    assert.doesNotMatch(JSON.stringify(logged), /reader@example\.com/);
  });
});

describe('PostgreSQL pool and statement timeout', { skip: postgres?.skip }, () => {
  let scratch: ScratchDatabase;
  let handle: DatabaseHandle;
  before(async () => {
    scratch = await createScratchDatabase(postgres?.postgresUrl ?? '');
    handle = openDatabase({ engine: 'postgres', url: scratch.url, poolSize: 3, statementTimeoutMs: 200 });
  });
  after(async () => {
    await handle?.destroy();
    await scratch?.drop();
  });

  it('cancels a statement that outlives the timeout and keeps the pool to its size', async () => {
    await assert.rejects(sql`select pg_sleep(2)`.execute(handle.db), (error: { code?: string }) => {
      assert.equal(error.code, '57014');
      return true;
    });
    await Promise.all(Array.from({ length: 6 }, () => sql`select pg_sleep(0.05)`.execute(handle.db)));
    const stats = poolStatsOf(handle.db);
    assert.equal(stats?.max, 3);
    assert.ok((stats?.total ?? 99) <= 3);
  });
});
