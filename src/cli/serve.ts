import { buildApp } from '../app.js';
import type { Config } from '../config/config.js';
import { startScheduler } from '../features/articles/article-scheduler.js';
import { createDemoAdmin, isUntouchedSite, seedDemoContent } from '../features/demo/demo-seeder.js';
import { indexAfterSearchUpgrade } from '../features/search/search-upgrade.js';
import { openMigratedDatabase } from './prepare.js';

/** Starts the site: migrate, make sure sections exist, seed the demo on an empty site, listen, shut down cleanly. */
export async function serve(config: Config): Promise<void> {
  const database = await openMigratedDatabase(config);
  const app = await buildApp({ config, db: database.db });
  const { services } = app;
  try {
    await services.sections.ensureDefaults();
    const indexed = await indexAfterSearchUpgrade(services.db, services.search, database.applied);
    if (indexed !== undefined) app.log.info(`search: ${indexed} existing articles indexed after the upgrade`);
    if (config.demo && (await isUntouchedSite(services.db))) {
      app.log.info('demo content: seeding a new site (first start only, a few seconds)');
      app.log.info(`demo content: ${await seedDemoContent(services)} articles`);
      const admin = await createDemoAdmin(services.users);
      app.log.info(
        `newsroom: sign in at ${config.siteUrl}/newsroom as ${admin.email} with password ${admin.password} (shown only now; change it under «حساب من»)`,
      );
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
  services.telegram.start(5_000);
  // Images stored before crops existed get them in the background; pages use their largest variant meanwhile.
  void services.media
    .cropImagesWithoutCrops(
      (error, image) => app.log.warn({ err: error }, `media: image ${image.id} could not be cropped`),
      () => closing,
    )
    .then(({ cropped }) => {
      if (cropped > 0)
        app.log.info(`media: ${cropped} existing images cropped for previews and search engines`);
    })
    .catch((error: unknown) => app.log.error({ err: error }, 'media: cropping existing images stopped'));

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
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    scheduler.stop();
    await app.close();
    await database.destroy();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new PortInUseError(`port ${config.port} is already in use; set PORT to another port`);
    }
    throw error;
  }
}

/** The one-line reason a server could not start listening. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}
