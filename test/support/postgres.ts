/**
 * PostgreSQL for tests.
 *
 * Tests get a server through `postgresForTests()`:
 *   - `KHABAR_TEST_DATABASE_URL` set       → that server is used as is;
 *   - PostgreSQL binaries found             → a throwaway cluster is created in a temp dir,
 *                                             listening on a unix socket only, and removed
 *                                             when the process exits;
 *   - neither                               → `{ skipReason }` (or an Error when
 *                                             `KHABAR_TEST_REQUIRE` lists `postgres`).
 *
 * `npm test` (scripts/run-tests.mjs) starts one cluster for the whole run and passes its URL
 * down in `KHABAR_TEST_DATABASE_URL`, so test files share it; each test file or test then
 * isolates itself with `createScratchDatabase()` (scratch-database.ts).
 *
 * Throwaway clusters are initdb'd with `--locale=C.UTF-8 -E UTF8`: under the plain C locale
 * PostgreSQL's regular expressions treat Persian letters as non-word characters (`\w`, `\W`,
 * `\m`, `[[:alpha:]]`), and lower()/upper()/ILIKE ignore every non-ASCII letter. C.UTF-8 still
 * sorts by code point (like JavaScript's sort()); use `COLLATE "fa-x-icu"` for Persian
 * alphabetical order.
 */
import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { isExecutable, requires } from './requirements.js';

export interface ThrowawayPostgres {
  /** Connection URL for node-postgres, e.g. `postgresql:///postgres?host=%2Ftmp%2Fkhabar-pg-XXXX&user=postgres`. */
  url: string;
  /** Temp dir holding the cluster (`data/`), its socket and `server.log`. */
  dir: string;
  /** Stops the server (immediate mode) and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
  /** Same as stop(), synchronously (for 'exit' handlers). */
  stopSync(): void;
  /** Shuts the server down (fast mode, clients cut off) keeping its data, as an outage would. */
  pause(): Promise<void>;
  /** Starts a paused server again on the same socket. */
  resume(): Promise<void>;
}

export type PostgresForTests = { url: string } | { skipReason: string };

const DIR_PREFIX = 'khabar-pg-';
const OWNER_FILE = 'owner.pid';
const INSTALL_HINT =
  'install PostgreSQL (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) ' +
  'or set KHABAR_TEST_DATABASE_URL to a server where the user may create databases';

function hasServerBinaries(dir: string): boolean {
  return isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'pg_ctl'));
}

/** Directory holding initdb and pg_ctl: the newest `/usr/lib/postgresql/<version>/bin`, else one on PATH. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = readdirSync(root);
  } catch {
    // not a Debian-style install
  }
  versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a) || b.localeCompare(a));
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (hasServerBinaries(dir)) return dir;
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && hasServerBinaries(dir)) return dir;
  }
  return undefined;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** initdb, pg_ctl and postgres refuse to run as root: run them as the `postgres` system user. */
function serverUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    // fall through to the error below
  }
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'postgres' && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  throw new Error(
    'running as root, PostgreSQL must run as another user, but there is no "postgres" system user ' +
      '(the postgresql package creates it); run the tests as a normal user or create that user',
  );
}

/** Environment for the server binaries: without PG* variables that could point them elsewhere. */
function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('PG')) env[key] = value;
  }
  return env;
}

function spawnOptions(as: RunAs, cwd: string): SpawnOptions {
  return { cwd, env: serverEnv(), uid: as.uid, gid: as.gid, stdio: ['ignore', 'pipe', 'pipe'] };
}

function run(bin: string, command: string, args: string[], as: RunAs, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(bin, command), args, spawnOptions(as, cwd));
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}):\n${output.trim()}`,
          ),
        );
    });
  });
}

function runSync(bin: string, command: string, args: string[], as: RunAs, cwd: string): void {
  spawnSync(join(bin, command), args, { ...spawnOptions(as, cwd), stdio: 'ignore', timeout: 30_000 });
}

function socketUrl(socketDir: string, database: string, user: string): string {
  return `postgresql:///${encodeURIComponent(database)}?host=${encodeURIComponent(socketDir)}&user=${encodeURIComponent(user)}`;
}

const liveClusters = new Set<() => void>();
let handlersInstalled = false;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function stopAllSync(): void {
  for (const stop of [...liveClusters]) {
    try {
      stop();
    } catch {
      // best effort: the process is going away
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  stopAllSync();
  // Our listener suppressed the default action (terminate). If nobody else handles this
  // signal, restore that default and re-raise it so the process dies as it would have.
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopAllSync);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops and removes clusters left behind by test processes that were killed (SIGKILL, crash). */
function sweepStaleClusters(base: string, bin: string, as: RunAs): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(base).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = join(base, name);
    try {
      const owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8').trim());
      if (!owner || processAlive(owner)) continue;
      if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
        runSync(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], as, dir);
      }
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // not ours, or already gone
    }
  }
}

function tempBase(as: RunAs): string {
  // The server runs as `postgres` when we are root, so it needs a dir that user can reach;
  // and unix socket paths are limited to ~107 bytes.
  const base = tmpdir();
  if (as.uid !== undefined || base.length > 60) return '/tmp';
  return base;
}

/**
 * Creates a PostgreSQL cluster in a new temp dir and starts it on a unix socket (no TCP).
 * Tuned for tests: fsync, synchronous_commit and full_page_writes are off, auth is trust.
 * The cluster is also stopped when the process exits or is interrupted.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL server binaries (initdb, pg_ctl) not found: ${INSTALL_HINT}`);
  const as = serverUser();
  const base = tempBase(as);
  sweepStaleClusters(base, bin, as);

  const dir = mkdtempSync(join(base, DIR_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), `${process.pid}\n`);
  if (as.uid !== undefined && as.gid !== undefined) chownSync(dir, as.uid, as.gid);
  const dataDir = join(dir, 'data');
  const user = 'postgres';

  let stopped = false;
  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    liveClusters.delete(stopSync);
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      runSync(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], as, dir);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    liveClusters.delete(stopSync);
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      await run(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], as, dir).catch(
        () => undefined,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  };
  installExitHandlers();
  liveClusters.add(stopSync);

  try {
    await run(
      bin,
      'initdb',
      [
        '-D',
        dataDir,
        '-U',
        user,
        '--auth=trust',
        '--locale=C.UTF-8',
        '-E',
        'UTF8',
        '--no-sync',
        '--no-instructions',
      ],
      as,
      dir,
    );
    // Settings go in postgresql.conf rather than `pg_ctl -o`, which is re-parsed by a shell.
    const settings = {
      listen_addresses: "''",
      unix_socket_directories: `'${dir}'`,
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '200',
    };
    const conf = Object.entries(settings)
      .map(([key, value]) => `${key} = ${value}\n`)
      .join('');
    writeFileSync(join(dataDir, 'postgresql.conf'), `\n# khabar test settings\n${conf}`, { flag: 'a' });
    await run(
      bin,
      'pg_ctl',
      ['-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'],
      as,
      dir,
    );
  } catch (error) {
    const log = readLog(join(dir, 'server.log'));
    stopSync();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not start a throwaway PostgreSQL cluster: ${message}${log ? `\nserver.log:\n${log}` : ''}`,
    );
  }

  const pause = () => run(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'], as, dir);
  const resume = () =>
    run(bin, 'pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'], as, dir);
  return { url: socketUrl(dir, 'postgres', user), dir, stop, stopSync, pause, resume };
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

let forTests: Promise<PostgresForTests> | undefined;

/**
 * The PostgreSQL server for this process's tests (memoized): `KHABAR_TEST_DATABASE_URL`, else a
 * throwaway cluster stopped at exit, else a skip reason. Throws instead of giving a skip reason
 * when `KHABAR_TEST_REQUIRE` lists `postgres`.
 */
export function postgresForTests(): Promise<PostgresForTests> {
  forTests ??= resolvePostgresForTests();
  return forTests;
}

async function resolvePostgresForTests(): Promise<PostgresForTests> {
  const fromEnv = process.env.KHABAR_TEST_DATABASE_URL?.trim();
  if (fromEnv) return { url: fromEnv };

  let skipReason: string;
  if (findPostgresBin()) {
    try {
      const server = await startThrowawayPostgres();
      return { url: server.url };
    } catch (error) {
      skipReason = error instanceof Error ? error.message : String(error);
    }
  } else {
    skipReason = `PostgreSQL not found: ${INSTALL_HINT}`;
  }
  if (requires('postgres')) {
    throw new Error(`KHABAR_TEST_REQUIRE lists postgres, but PostgreSQL is unavailable: ${skipReason}`);
  }
  return { skipReason };
}
