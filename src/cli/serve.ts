import { fork } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config.js';
import { forwardRelayedEvents } from '../platform/events-relay/cluster-transport.js';
import { PreparationFailedError } from './serve-errors.js';
import { isSiteReady } from './site-ready.js';

export { PortInUseError } from './serve-errors.js';

export interface ServeOptions {
  /** Worker processes sharing the port (node:cluster); 1 serves from this process. */
  workers?: number;
}

/** Set in the environment of the workers `serve --workers N` forks. */
const workerVariable = 'KHABAR_CLUSTER_WORKER';

/**
 * Starts the site: prepares it (migrate, default sections, the demo on an empty site) in a
 * process of its own, then serves it from this process or from N workers, and shuts down cleanly.
 */
export async function serve(config: Config, { workers = 1 }: ServeOptions = {}): Promise<void> {
  if (cluster.isPrimary) await prepareInOwnProcess();
  if (cluster.isPrimary && workers > 1) return servePrimary(workers);
  const { serveSite } = await import('./site-server.js');
  return serveSite(config, process.env[workerVariable]);
}

const ownExtension = path.extname(fileURLToPath(import.meta.url));
const mainModule = fileURLToPath(new URL(`../main${ownExtension}`, import.meta.url));

/** Node's own options of this process, without a script given inline (`-e`), which is not the CLI. */
function nodeOptions(): string[] {
  const inline = process.execArgv.findIndex((flag) => /^(-e|--eval|-p|--print)(=|$)/.test(flag));
  const options = (inline === -1 ? process.execArgv : process.execArgv.slice(0, inline)).filter(
    (flag) => !flag.startsWith('--input-type'),
  );
  // The sources run through tsx, loaded by a flag or registered by bin/khabar.js: the child needs it too.
  if (ownExtension === '.ts' && !options.some((flag) => flag.includes('tsx')))
    return [...options, '--import', import.meta.resolve('tsx')];
  return options;
}

/**
 * Runs `khabar prepare` as a child process with this process's settings and output, until it says
 * the site is ready. It may go on indexing for search after an upgrade; a server that stops first
 * stops it too, and the next start indexes again.
 */
function prepareInOwnProcess(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(mainModule, ['prepare'], { execArgv: nodeOptions(), stdio: 'inherit' });
    let ready = false;
    const stopChild = () => child.kill();
    process.once('exit', stopChild);
    child.on('message', (message) => {
      if (!isSiteReady(message)) return;
      ready = true;
      resolve();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.removeListener('exit', stopChild);
      if (ready) {
        if (code !== 0)
          console.error(
            `khabar: search indexing after the upgrade stopped (${signal ?? `exit code ${code}`}); the next start does it again`,
          );
      } else if (code === 0) resolve();
      else if (signal) reject(new PreparationFailedError(`preparing the site stopped (${signal})`, false));
      else reject(new PreparationFailedError(`preparing the site failed (exit code ${code})`, true));
    });
  });
}

/**
 * The cluster primary: forks the workers that share the port, relays events
 * between them, replaces a worker that dies, and on a signal lets every worker
 * finish its requests before exiting. It never loads the app: it only forks.
 */
function servePrimary(count: number): void {
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  let stopping = false;
  const startWorker = (id: number) => {
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
      setTimeout(() => startWorker(id), 1_000).unref();
    });
  };
  for (let id = 1; id <= count; id++) startWorker(id);

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
