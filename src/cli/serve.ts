import { buildApp } from '../app.js';
import type { Config } from '../config/config.js';
import { startScheduler } from '../features/articles/article-scheduler.js';
import { seedDemoContent } from '../features/demo/demo-seeder.js';
import { openMigratedDatabase } from './prepare.js';

/** Starts the site: migrate, make sure sections exist, seed the demo on an empty site, listen, shut down cleanly. */
export async function serve(config: Config): Promise<void> {
  const database = await openMigratedDatabase(config);
  const app = await buildApp({ config, db: database.db });
  const { services } = app;
  try {
    await services.sections.ensureDefaults();
    if (config.demo) {
      app.log.info('demo content: adding it if the site is empty (the first start takes a few seconds)');
      const seeded = await seedDemoContent(services);
      if (seeded > 0) app.log.info(`demo content: ${seeded} articles`);
    }
  } catch (error) {
    await app.close();
    await database.destroy();
    throw error;
  }
  services.views.start();
  const scheduler = startScheduler(services.articles, config.schedulerIntervalMs, (error) =>
    app.log.error({ err: error }, 'scheduled publishing failed'),
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    scheduler.stop();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  app.server.requestTimeout = 30_000;
  app.server.headersTimeout = 15_000;
  await app.listen({ port: config.port, host: config.host });
}
