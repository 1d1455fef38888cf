import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createScratchDatabase } from '../../../test/support/scratch-database.js';
import { enginesUnderTest } from '../../../test/support/test-app.js';
import type { DatabaseConfig } from '../../config/config.js';
import { migrations } from '../../migrations/index.js';
import { DatabaseUnavailableError, openDatabase } from './database.js';
import { migrateToLatest } from './migrator.js';

describe('SQLite database', () => {
  it('runs in WAL mode with foreign keys enforced', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'khabar-db-'));
    const handle = openDatabase({ engine: 'sqlite', file: path.join(dir, 'site.db') });
    try {
      const mode = await sql<{ journalMode: string }>`pragma journal_mode`.execute(handle.db);
      assert.equal(mode.rows[0]?.journalMode, 'wal');
      const keys = await sql<{ foreignKeys: number }>`pragma foreign_keys`.execute(handle.db);
      assert.equal(keys.rows[0]?.foreignKeys, 1);
    } finally {
      await handle.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains in one line when the file cannot be created', () => {
    assert.throws(
      () => openDatabase({ engine: 'sqlite', file: '/etc/passwd/khabar/site.db' }),
      (error: unknown) =>
        error instanceof DatabaseUnavailableError &&
        /^cannot open the sqlite database at/.test(error.message),
    );
  });
});

for (const engine of await enginesUnderTest()) {
  describe(`migrations on ${engine.name}`, { skip: engine.skip }, () => {
    it('apply every migration once, and a second run finds nothing to do', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'khabar-db-'));
      const scratch = engine.postgresUrl ? await createScratchDatabase(engine.postgresUrl) : undefined;
      const config: DatabaseConfig = scratch
        ? { engine: 'postgres', url: scratch.url }
        : { engine: 'sqlite', file: path.join(dir, 'site.db') };
      const handle = openDatabase(config);
      try {
        assert.deepEqual(await migrateToLatest(handle.db), Object.keys(migrations));
        assert.deepEqual(await migrateToLatest(handle.db), []);
      } finally {
        await handle.destroy();
        await scratch?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
