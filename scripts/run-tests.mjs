// The `npm test` runner. Run through tsx so it can use test/support/postgres.ts:
//
//   node --import tsx scripts/run-tests.mjs [paths...] [node --test flags...]
//
// - Finds *.test.ts / *.test.tsx under src/, test/ and e2e/ (or under the given paths:
//   `npm test -- src/features/articles` runs only the files there).
// - Unless KHABAR_TEST_DATABASE_URL is set, starts ONE throwaway PostgreSQL cluster for the
//   whole run and hands its URL to the test processes in KHABAR_TEST_DATABASE_URL.
// - Runs `node --import tsx --test --test-concurrency=2 <files>`, stops the cluster and exits
//   with the test run's exit code.
// - KHABAR_TEST_REQUIRE=postgres,chromium (as in CI) makes a missing PostgreSQL or Chromium
//   an error before any test runs, instead of skipped suites.
//
// Flags starting with `-` are passed to `node --test`; give them in `--flag=value` form,
// e.g. `npm test -- --test-name-pattern=Persian`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBin, startThrowawayPostgres } from '../test/support/postgres.ts';
import { findChromium, requires } from '../test/support/requirements.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIRS = ['src', 'test', 'e2e'];
const TEST_FILE = /\.test\.tsx?$/;

function fail(message) {
  console.error(`run-tests: ${message}`);
  process.exit(1);
}

function collect(path, out) {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (TEST_FILE.test(path)) out.push(path);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) collect(child, out);
    else if (entry.isFile() && TEST_FILE.test(entry.name)) out.push(child);
  }
}

const args = process.argv.slice(2);
const nodeFlags = args.filter((arg) => arg.startsWith('-'));
const paths = args.filter((arg) => !arg.startsWith('-'));

const roots = paths.length > 0 ? paths.map((p) => resolve(p)) : DEFAULT_DIRS.map((d) => join(root, d));
const files = [];
for (const path of roots) {
  if (!existsSync(path)) {
    if (paths.length > 0) fail(`no such file or directory: ${relative(process.cwd(), path) || path}`);
    continue;
  }
  collect(path, files);
}
const testFiles = [...new Set(files)].sort().map((file) => relative(root, file));
if (testFiles.length === 0) {
  fail(
    `no *.test.ts or *.test.tsx files under ${paths.length > 0 ? paths.join(', ') : DEFAULT_DIRS.join('/, ')}/`,
  );
}

const chromium = findChromium();
if (!chromium && requires('chromium')) {
  fail(
    'KHABAR_TEST_REQUIRE lists chromium, but Chromium was not found (install chromium, or set KHABAR_CHROMIUM)',
  );
}

const env = { ...process.env };
let cluster;

if (process.env.KHABAR_TEST_DATABASE_URL?.trim()) {
  console.log('engines: sqlite, postgres (KHABAR_TEST_DATABASE_URL)');
} else {
  let unavailable;
  if (findPostgresBin()) {
    const started = Date.now();
    try {
      cluster = await startThrowawayPostgres();
      env.KHABAR_TEST_DATABASE_URL = cluster.url;
      console.log(
        `engines: sqlite, postgres (throwaway cluster in ${cluster.dir}, started in ${Date.now() - started} ms)`,
      );
    } catch (error) {
      unavailable = error instanceof Error ? error.message : String(error);
    }
  } else {
    unavailable = 'PostgreSQL not found (install postgresql, or set KHABAR_TEST_DATABASE_URL)';
  }
  if (unavailable !== undefined) {
    if (requires('postgres')) fail(`KHABAR_TEST_REQUIRE lists postgres, but ${unavailable}`);
    console.log(`engines: sqlite only — ${unavailable}; PostgreSQL suites will be skipped`);
  }
}

if (chromium) {
  console.log(`browser: chromium (${chromium})`);
} else {
  console.log(
    'browser: none — Chromium not found (install chromium, or set KHABAR_CHROMIUM); browser suites will be skipped',
  );
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...nodeFlags, ...testFiles],
  { cwd: root, env, stdio: 'inherit' },
);

let interrupted;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted ??= signal;
    // On Ctrl-C the whole process group already got SIGINT; forwarding covers `kill <pid>`.
    child.kill(signal);
  });
}

const { code, signal } = await new Promise((resolvePromise) => {
  child.on('exit', (exitCode, exitSignal) => resolvePromise({ code: exitCode, signal: exitSignal }));
  child.on('error', (error) => {
    console.error(`run-tests: could not start node --test: ${error.message}`);
    resolvePromise({ code: 1, signal: null });
  });
});

await cluster?.stop();

// Interrupted runs exit 128 + signal number (130 for Ctrl-C), like a shell would report.
const killedBy = interrupted ?? signal;
if (killedBy) process.exit(128 + (constants.signals[killedBy] ?? 1));
process.exit(code ?? 1);
