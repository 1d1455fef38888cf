import { setFlagsFromString } from 'node:v8';
import { buildApp, type Services } from '../app.js';
import type { Config } from '../config/config.js';
import { startScheduler } from '../features/articles/article-scheduler.js';
import { keepStored } from '../features/articles/stored-article-pages.js';
import { invalidatePagesOnChange } from '../platform/cache/page-invalidation.js';
import { EventBus } from '../platform/events.js';
import { clusterWorkerTransport } from '../platform/events-relay/cluster-transport.js';
import { type RelayTransport, startEventRelay } from '../platform/events-relay/event-relay.js';
import { postgresTransport } from '../platform/events-relay/postgres-transport.js';
import { openMigratedDatabase } from './prepare.js';
import { PortInUseError } from './serve-errors.js';

/**
 * Serves the prepared site from this process (alone, or as cluster worker `worker`): listens,
 * relays events to the other processes, publishes what is due, and shuts down cleanly.
 */
export async function serveSite(config: Config, worker: string | undefined): Promise<void> {
  keepHeapNearLive();
  const database = await openMigratedDatabase(config);
  const app = await buildApp({ config, db: database.db });
  const { services } = app;
  const remote = remoteInvalidations(app.pageCache, (error, event) =>
    app.log.error({ err: error }, `remote ${event} failed`),
  );
  const relay = startEventRelay({
    local: services.events,
    remote,
    transport: relayTransport(config, worker !== undefined, {
      // Events sent while the connection was down were lost: no cached page can be trusted.
      onReconnected: () => app.pageCache.clear(),
      log: (message, error) =>
        app.log.warn(error instanceof Error ? `${message}: ${error.message}` : message),
    }),
  });
  services.views.start();
  const scheduler = startScheduler(services.articles, config.schedulerIntervalMs, (error) =>
    app.log.error({ err: error }, 'scheduled publishing failed'),
  );

  let storing: ReturnType<typeof keepStored> | undefined;
  const release = async () => {
    scheduler.stop();
    await storing?.stop();
    // Fastify stops accepting, lets requests in flight finish, then its onClose flushes buffered views.
    await app.close();
    await relay.stop();
    await database.destroy();
  };

  let closing = false;
  services.telegram.start(5_000);
  // Background work for the whole site, in one process: crops for images stored before crops
  // existed (pages use their largest variant meanwhile), and the stored parts of article pages.
  if (worker === undefined || worker === '1') {
    cropOldImages(services, app.log, () => closing);
    storing = keepStored({
      stored: services.storedPages,
      siteContext: services.siteContext,
      buses: [services.events, remote],
      log: app.log,
    });
  }

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  app.server.requestTimeout = 30_000;
  app.server.headersTimeout = 15_000;
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await release();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new PortInUseError(`port ${config.port} is already in use; set PORT to another port`);
    }
    throw error;
  }
}

/** The bus that other processes' events arrive on: only the page cache listens to it. */
function remoteInvalidations(
  pageCache: Parameters<typeof invalidatePagesOnChange>[1],
  onError: (error: unknown, event: string) => void,
): EventBus {
  const remote = new EventBus(onError);
  invalidatePagesOnChange(remote, pageCache);
  return remote;
}

/**
 * PostgreSQL's NOTIFY reaches every process on the database, clustered or not;
 * SQLite is one machine, so its workers relay through the cluster primary.
 */
function relayTransport(
  config: Config,
  inCluster: boolean,
  options: { onReconnected: () => void; log: (message: string, error?: unknown) => void },
): RelayTransport {
  if (config.database.engine === 'postgres')
    return postgresTransport({ url: config.database.url, ...options });
  if (inCluster) return clusterWorkerTransport();
  return { send() {}, listen() {}, close: async () => {} };
}

function cropOldImages(
  services: Services,
  log: {
    info(line: string): void;
    warn(o: object, line: string): void;
    error(o: object, line: string): void;
  },
  stopped: () => boolean,
): void {
  void services.media
    .cropImagesWithoutCrops(
      (error, image) => log.warn({ err: error }, `media: image ${image.id} could not be cropped`),
      stopped,
    )
    .then(({ cropped }) => {
      if (cropped > 0) log.info(`media: ${cropped} existing images cropped for previews and search engines`);
    })
    .catch((error: unknown) => log.error({ err: error }, 'media: cropping existing images stopped'));
}

/**
 * V8 lets the heap grow to up to four times what survived the last full collection
 * before it collects again. A search makes a few megabytes of short-lived strings,
 * so ten concurrent searches grew a worker's heap from 70 to 200 MB of mostly
 * garbage. At twice the live heap, the bench's largest worker peaked at about
 * 245 MB instead of 350. 1.2 times peaked at 235 MB but cost about 15% more
 * processor time per first visit in collections. The factor is read at every
 * collection, so setting it here works; an operator's own `--heap-growing-percent` wins.
 */
function keepHeapNearLive(): void {
  if (process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString('--heap-growing-percent=100');
}
