import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createServices } from '../../src/app.js';
import { openMigratedDatabase } from '../../src/cli/prepare.js';
import { loadConfig } from '../../src/config/config.js';
import { freePort } from '../support/khabar-process.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Waits for a child to be gone; it may already be, and then 'exit' will not fire again. */
function exited(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('a server killed with SIGKILL in the middle of writes loses nothing it acknowledged', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'khabar-crash-'));
  let port = 0;
  let origin = '';
  let authorization = '';
  let server: ChildProcess | undefined;
  const env = () => ({
    ...process.env,
    KHABAR_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    KHABAR_SITE_URL: origin,
    KHABAR_DEMO: 'false',
    // Every simulated reader comes from one address here; the forwarded address tells them apart.
    KHABAR_TRUST_PROXY: 'true',
    LOG_LEVEL: 'silent',
  });

  before(async () => {
    port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const config = loadConfig(env());
    const database = await openMigratedDatabase(config);
    const services = createServices({ config, db: database.db }, () => {});
    await services.sections.ensureDefaults();
    await services.users.createUser({
      email: 'desk@khabar.test',
      name: 'دبیر',
      role: 'editor',
      password: 'a-long-password',
    });
    authorization = `Bearer ${(await services.users.createApiToken('desk@khabar.test')).token}`;
    await database.destroy();
  });
  after(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      cwd: root,
      env: env(),
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${origin}/robots.txt`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the server did not start within 30 s');
  }

  it('keeps every 2xx/3xx write across three SIGKILLs, and the database passes integrity_check', async () => {
    const articles: number[] = [];
    const comments: string[] = [];
    let sent = 0;
    for (let round = 0; round < 3; round += 1) {
      await start();
      const stopAt = Date.now() + 400 + Math.random() * 800;
      const client = async (lane: number) => {
        while (Date.now() < stopAt + 2000) {
          sent += 1;
          const n = sent;
          try {
            if (n % 3 !== 0 || articles.length === 0) {
              const res = await fetch(`${origin}/api/v1/articles`, {
                method: 'POST',
                headers: { authorization, 'content-type': 'application/json' },
                body: JSON.stringify({
                  title: `خبر ${round}-${lane}-${n}`,
                  body: '<p>متن</p>',
                  section: 'society',
                  state: 'published',
                }),
              });
              if (res.status === 201) articles.push((await res.json()).newsCode);
            } else {
              const text = `نظر شمارهٔ ${round}-${lane}-${n}`;
              const res = await fetch(`${origin}/news/${articles[0]}/comments`, {
                method: 'POST',
                redirect: 'manual',
                headers: {
                  origin,
                  'content-type': 'application/x-www-form-urlencoded',
                  'x-forwarded-for': `10.${round}.${lane}.${n % 250}`,
                },
                body: new URLSearchParams({ name: 'خواننده', body: text }).toString(),
              });
              if (res.status === 303) comments.push(text);
            }
          } catch {
            return; // The server is gone: what it acknowledged so far is what must survive.
          }
        }
      };
      const lanes = [0, 1, 2, 3].map(client);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, stopAt - Date.now())));
      server?.kill('SIGKILL');
      await Promise.all(lanes);
      await exited(server);
    }
    assert.ok(articles.length >= 10, `only ${articles.length} articles acknowledged`);
    assert.ok(comments.length >= 3, `only ${comments.length} comments acknowledged`);

    const db = new Database(path.join(dataDir, 'khabar.db'));
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const stored = new Set(
        db
          .prepare('SELECT news_code AS n FROM articles')
          .all()
          .map((row) => (row as { n: number }).n),
      );
      const missing = articles.filter((code) => !stored.has(code));
      assert.deepEqual(missing, [], 'acknowledged articles lost');
      const bodies = new Set(
        db
          .prepare('SELECT body AS b FROM comments')
          .all()
          .map((row) => (row as { b: string }).b),
      );
      assert.deepEqual(
        comments.filter((text) => !bodies.has(text)),
        [],
        'acknowledged comments lost',
      );
    } finally {
      db.close();
    }
    // And it starts again on what the crashes left.
    await start();
    const res = await fetch(`${origin}/news/${articles.at(-1)}`, { redirect: 'manual' });
    assert.ok(res.status === 200 || res.status === 301, `last article answered ${res.status}`);
    server?.kill('SIGTERM');
    await exited(server);
  });
});
