import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../../test/support/khabar-process.js';

const main = pathToFileURL(fileURLToPath(new URL('../main.ts', import.meta.url))).href;

// Runs `khabar serve` inside the child, reads a few public pages, then lists the
// CommonJS files the process has loaded (pg, saxes and sharp's native loader are CommonJS).
const child = `
import { createRequire } from 'node:module';
process.argv.splice(2, Infinity, 'serve');
await import(${JSON.stringify(main)});
const origin = 'http://127.0.0.1:' + process.env.PORT;
for (let tries = 0; ; tries++) {
  const answered = await fetch(origin + '/').then((r) => r.ok, () => false);
  if (answered) break;
  if (tries > 2400) throw new Error('the server did not answer');
  await new Promise((resolve) => setTimeout(resolve, 100));
}
for (const page of ['/', '/section/politics', '/search?q=' + encodeURIComponent('خبر'), '/feed.xml', '/sitemap.xml']) {
  const response = await fetch(origin + page);
  if (!response.ok) throw new Error(page + ' answered ' + response.status);
}
process.stdout.write('\\n' + JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));
process.exit(0);
`;

describe('what a reading server on SQLite loads', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'khabar-footprint-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  // A new site: its demo pictures are made with sharp while it is prepared, in a process of its own.
  it('serves a new demo site without loading the PostgreSQL driver, sharp or the WordPress XML parser', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KHABAR_DATA_DIR: dataDir,
      KHABAR_DEMO: 'on',
      LOG_LEVEL: 'silent',
    };
    delete env.DATABASE_URL;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', child],
      { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, timeout: 240_000 },
    );
    const lines = stdout.trim().split('\n');
    assert.match(stdout, /demo content: [1-9]\d* articles/);
    assert.match(stdout, /with password \S+/);
    const loaded = JSON.parse(lines.at(-1) ?? '[]') as string[];
    assert.ok(
      loaded.some((file) => file.includes(`${path.sep}better-sqlite3${path.sep}`)),
      'the listing sees the SQLite driver, so it would see the others',
    );
    const heavy = loaded.filter((file) => /[\\/]node_modules[\\/](pg|sharp|@img|saxes)[\\/]/.test(file));
    assert.deepEqual(heavy, []);
  });
});
