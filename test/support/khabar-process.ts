/** Real `khabar serve` processes for tests that need more than one process or a real restart. */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestApp } from './test-app.js';
import { waitFor } from './wait.js';

const bin = fileURLToPath(new URL('../../bin/khabar.js', import.meta.url));
export const browser = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Answer {
  status: number;
  cache: string | undefined;
  body: string;
}

/** A GET on a new connection each time, so the cluster's round robin spreads them over the workers. */
export function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { agent: false, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, cache: res.headers['x-cache'] as string, body }),
      );
    });
    req.on('error', reject);
    req.setTimeout(5_000, () => req.destroy(new Error(`GET ${path} timed out`)));
    req.end();
  });
}

export async function post(origin: string, authorization: string, payload: object) {
  const res = await fetch(`${origin}/api/v1/articles`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { id: number; url: string };
}

export interface Server {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `khabar serve` in its own process on the test app's database; stop() sends SIGTERM and waits. */
export async function startServer(
  t: Pick<TestApp, 'config'>,
  args: string[],
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const database = t.config.database;
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    env: {
      ...process.env,
      KHABAR_DATA_DIR: t.config.dataDir,
      ...(database.engine === 'postgres' ? { DATABASE_URL: database.url } : {}),
      KHABAR_DEMO: 'off',
      KHABAR_TRUST_PROXY: 'on',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server = {
    origin,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
  try {
    await waitFor(
      async () => (await get(origin, '/').catch(() => undefined))?.status === 200,
      'the server answers',
      60_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return server;
}
