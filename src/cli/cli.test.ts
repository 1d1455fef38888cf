import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../../test/support/khabar-process.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import { enginesUnderTest } from '../../test/support/test-app.js';
import { waitFor } from '../../test/support/wait.js';

const bin = fileURLToPath(new URL('../../bin/khabar.js', import.meta.url));
const run = promisify(execFile);

function khabar(args: string[], env: Record<string, string>) {
  return run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
}

describe('khabar command line', () => {
  it('stops on a wrong setting with one clear line', async () => {
    await assert.rejects(
      khabar(['migrate'], { PORT: 'eighty' }),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.equal(
          error.stderr.trim(),
          'khabar: configuration: PORT must be a whole number from 0 to 65535 (got "eighty")',
        );
        return true;
      },
    );
  });

  it('says in one line that the port is taken instead of printing a stack', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'khabar-cli-'));
    try {
      await assert.rejects(
        khabar(['serve'], {
          PORT: String(port),
          HOST: '127.0.0.1',
          KHABAR_DATA_DIR: dataDir,
          KHABAR_DEMO: 'off',
          LOG_LEVEL: 'silent',
        }),
        (error: { code: number; stderr: string }) => {
          assert.equal(error.code, 1);
          assert.equal(
            error.stderr.trim(),
            `khabar: port ${port} is already in use; set PORT to another port`,
          );
          return true;
        },
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('explains its usage for an unknown command', async () => {
    await assert.rejects(khabar(['publish-everything'], {}), (error: { stderr: string }) => {
      assert.match(error.stderr, /unknown command "publish-everything"/);
      assert.match(error.stderr, /user add --email/);
      return true;
    });
  });
});

for (const engine of await enginesUnderTest()) {
  describe(`khabar serve, user and token on ${engine.name}`, { skip: engine.skip }, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'khabar-cli-'));
    const env: Record<string, string> = { KHABAR_DATA_DIR: dataDir, KHABAR_DEMO: 'off', LOG_LEVEL: 'warn' };
    let drop: (() => Promise<void>) | undefined;
    let server: ChildProcess | undefined;
    let origin = '';
    let token = '';

    before(async () => {
      if (engine.postgresUrl) {
        const scratch = await createScratchDatabase(engine.postgresUrl);
        env.DATABASE_URL = scratch.url;
        drop = scratch.drop;
      }
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      // The same address for the server and the commands beside it: stored pages are made for one.
      env.KHABAR_SITE_URL = origin;
      server = spawn(process.execPath, [bin, 'serve'], {
        env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: 'inherit',
      });
      await waitFor(
        async () => (await fetch(`${origin}/`).catch(() => undefined))?.status === 200,
        'the server answers',
        60_000,
      );
    });

    /** Publishes an article through the API with the token the tests made; returns its address. */
    async function publish(title: string, section: string): Promise<string> {
      const res = await fetch(`${origin}/api/v1/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title, body: '<p>متن</p>', section, state: 'published' }),
      });
      assert.equal(res.status, 201);
      return ((await res.json()) as { url: string }).url;
    }

    after(async () => {
      if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server?.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('serves an empty site with its sections when the demo is off', async () => {
      const html = await (await fetch(`${origin}/`)).text();
      assert.match(html, /هنوز خبری منتشر نشده است/);
      const sections = await (await fetch(`${origin}/api/v1/sections`)).json();
      assert.equal(sections.items.length, 7);
    });

    it('creates a user and a token that the running server accepts', async () => {
      const added = await khabar(
        [
          'user',
          'add',
          '--email',
          'Dabir@Khabar.test',
          '--name',
          'دبیر شب',
          '--role',
          'editor',
          '--password',
          'shab-bidari-1403',
        ],
        env,
      );
      assert.match(added.stdout, /user dabir@khabar\.test \(editor\) created/);
      const { stdout } = await khabar(['token', 'create', '--email', 'dabir@khabar.test'], env);
      token = stdout.trim();
      assert.match(token, /^khb_[\w-]{40,}$/);

      const url = await publish('خبر فوری ساعت دو بامداد', 'politics');
      const page = await fetch(url.replace('http://localhost:', 'http://127.0.0.1:'));
      assert.equal(page.status, 200);
      assert.match(await page.text(), /خبر فوری ساعت دو بامداد/);
    });

    it('store-pages stores what the running server then answers first visits from', async () => {
      assert.ok(token, 'the token of the test before');
      const url = await publish('گزارش صبحگاهی', 'society');
      // The server's own keeper may have stored it already: then nothing is left to store.
      const { stdout } = await khabar(['store-pages'], env);
      assert.match(stdout, /article pages stored: ([01]) of \1 outdated/);
      const again = await khabar(['store-pages'], env);
      assert.match(again.stdout, /article pages stored: 0 of 0 outdated/);
      const page = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(page.headers.get('x-cache'), 'STORED');
      assert.match(await page.text(), /گزارش صبحگاهی/);
    });

    it('refuses a duplicate user and a weak password with a clear message', async () => {
      await assert.rejects(
        khabar(
          [
            'user',
            'add',
            '--email',
            'dabir@khabar.test',
            '--name',
            'x',
            '--role',
            'editor',
            '--password',
            'long-enough-1',
          ],
          env,
        ),
        (error: { stderr: string }) => /از پیش وجود دارد/.test(error.stderr),
      );
      await assert.rejects(
        khabar(
          [
            'user',
            'add',
            '--email',
            'b@khabar.test',
            '--name',
            'x',
            '--role',
            'chief',
            '--password',
            'long-enough-1',
          ],
          env,
        ),
        (error: { stderr: string }) => /نقش باید یکی از این‌ها باشد/.test(error.stderr),
      );
    });
  });
}
