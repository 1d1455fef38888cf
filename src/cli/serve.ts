import cluster, { type Worker } from 'node:cluster';
import { setFlagsFromString } from 'node:v8';
import { buildApp, createServices, type Services } from '../app.js';
import type { Config } from '../config/config.js';
import { startScheduler } from '../features/articles/article-scheduler.js';
import { createDemoAdmin, isUntouchedSite, seedDemoContent } from '../features/demo/demo-seeder.js';
import { indexAfterSearchUpgrade } from '../features/search/search-upgrade.js';
import { invalidatePagesOnChange } from '../platform/cache/page-invalidation.js';
import { EventBus } from '../platform/events.js';
import { clusterWorkerTransport, forwardRelayedEvents } from '../platform/events-relay/cluster-transport.js';
import { type RelayTransport, startEventRelay } from '../platform/events-relay/event-relay.js';
import { postgresTransport } from '../platform/events-relay/postgres-transport.js';
import { openMigratedDatabase } from './prepare.js';

export interface ServeOptions {
  /** Worker processes sharing the port (node:cluster); 1 serves from this process. */
  workers?: number;
}

/** Set in the environment of the workers `serve --workers N` forks. */
const workerVariable = 'KHABAR_CLUSTER_WORKER';

/** Starts the site: migrate, make sure sections exist, seed the demo on an empty site, listen, shut down cleanly. */
export async function serve(config: Config, { workers = 1 }: ServeOptions = {}): Promise<void> {
  if (cluster.isPrimary && workers > 1) return servePrimary(config, workers);
  keepHeapNearLive();
  const worker = process.env[workerVariable];
  const database = await openMigratedDatabase(config);
  const app = await buildApp({ config, db: database.db });
  const { services } = app;
  // In a cluster the primary prepared the site once; workers only serve it.
  if (worker === undefined) {
    try {
      await prepareSite(services, config, database.applied, (line) => app.log.info(line));
    } catch (error) {
      await app.close();
      await database.destroy();
      throw error;
    }
  }
  const relay = startEventRelay({
    local: services.events,
    remote: remoteInvalidations(app.pageCache, (error, event) =>
      app.log.error({ err: error }, `remote ${event} failed`),
    ),
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

  let closing = false;
  services.telegram.start(5_000);
  // Images stored before crops existed get them in the background; pages use their largest variant meanwhile.
  if (worker === undefined || worker === '1') cropOldImages(services, app.log, () => closing);

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    scheduler.stop();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Fastify stops accepting, lets requests in flight finish, then its onClose flushes buffered views.
    await app.close();
    await relay.stop();
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
    await relay.stop();
    await database.destroy();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new PortInUseError(`port ${config.port} is already in use; set PORT to another port`);
    }
    throw error;
  }
}

async function prepareSite(
  services: Services,
  config: Config,
  applied: string[],
  log: (line: string) => void,
): Promise<void> {
  await services.sections.ensureDefaults();
  const indexed = await indexAfterSearchUpgrade(services.db, services.search, applied);
  if (indexed !== undefined) log(`search: ${indexed} existing articles indexed after the upgrade`);
  if (config.demo && (await isUntouchedSite(services.db))) {
    log('demo content: seeding a new site (first start only, a few seconds)');
    log(`demo content: ${await seedDemoContent(services)} articles`);
    const admin = await createDemoAdmin(services.users);
    log(
      `newsroom: sign in at ${config.siteUrl}/newsroom as ${admin.email} with password ${admin.password} (shown only now; change it under «حساب من»)`,
    );
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

/**
 * The cluster primary: prepares the site once, forks the workers that share the
 * port, relays events between them, replaces a worker that dies, and on a
 * signal lets every worker finish its requests before exiting.
 */
async function servePrimary(config: Config, count: number): Promise<void> {
  const database = await openMigratedDatabase(config);
  try {
    const services = createServices({ config, db: database.db }, (error, what) => console.error(what, error));
    await prepareSite(services, config, database.applied, (line) => console.log(line));
  } finally {
    await database.destroy();
  }
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  let stopping = false;
  const fork = (id: number) => {
    const worker = cluster.fork({ [workerVariable]: String(id) });
    let listened = false;
    worker.on('listening', () => {
      listened = true;
    });
    worker.on('message', (message: unknown) => forwardRelayedEvents(workers, worker, message));
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      // A worker that could not even start (port taken, database gone) would fail again: stop.
      if (!listened) {
        console.error(`khabar: worker ${id} could not start; stopping`);
        stop('SIGTERM', 1);
        return;
      }
      console.error(`khabar: worker ${id} stopped (${signal ?? `exit code ${code}`}); starting another`);
      setTimeout(() => fork(id), 1_000).unref();
    });
  };
  for (let id = 1; id <= count; id++) fork(id);

  const stop = (signal: NodeJS.Signals, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    cluster.on('exit', () => {
      if (workers().length === 0) process.exit(exitCode);
    });
    for (const worker of workers()) worker.process.kill(signal);
    if (workers().length === 0) process.exit(exitCode);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** The one-line reason a server could not start listening. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}
