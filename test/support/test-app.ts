import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../../src/app.js';
import { openMigratedDatabase } from '../../src/cli/prepare.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import { type Clock, systemClock } from '../../src/platform/clock.js';
import { postgresForTests } from './postgres.js';
import { createScratchDatabase } from './scratch-database.js';

export type EngineName = 'sqlite' | 'postgres';

export interface EngineUnderTest {
  name: EngineName;
  /** A reason to skip this engine's suites, or false. */
  skip: string | false;
  postgresUrl?: string;
}

/**
 * The engines every database suite runs on. PostgreSQL is skipped, with the
 * reason, only where no server can be had; CI requires it (KHABAR_TEST_REQUIRE).
 */
export async function enginesUnderTest(): Promise<EngineUnderTest[]> {
  const pg = await postgresForTests();
  return [
    { name: 'sqlite', skip: false },
    'url' in pg
      ? { name: 'postgres', skip: false, postgresUrl: pg.url }
      : { name: 'postgres', skip: pg.skipReason },
  ];
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  config: Config;
  /** Stops the app and its database connection, then starts a new app on the same data, as a server restart would. */
  restart(options?: { clock?: Clock }): Promise<void>;
  close(): Promise<void>;
}

/** A fresh, migrated database on the given engine, with the default sections, behind a real app. */
export async function buildTestApp(
  engine: EngineUnderTest,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'khabar-test-'));
  const scratch =
    engine.name === 'postgres' && engine.postgresUrl
      ? await createScratchDatabase(engine.postgresUrl)
      : undefined;
  const config = loadConfig({
    KHABAR_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    KHABAR_SITE_URL: 'https://khabar.test',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...options.env,
  });
  let database = await openMigratedDatabase(config);
  let app = await buildApp({ config, db: database.db, clock: options.clock ?? systemClock });
  await app.services.sections.ensureDefaults();
  const testApp: TestApp = {
    app,
    services: app.services,
    config,
    async restart(restartOptions = {}) {
      await app.close();
      await database.destroy();
      database = await openMigratedDatabase(config);
      app = await buildApp({
        config,
        db: database.db,
        clock: restartOptions.clock ?? options.clock ?? systemClock,
      });
      testApp.app = app;
      testApp.services = app.services;
    },
    async close() {
      await app.close();
      await database.destroy();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}
