// The processes the page bench starts (the site and the node:http ceiling) and the temporary
// directories it makes, with one cleanup that runs on success, on failure and on Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const children = new Set<ChildProcess>();
const directories = new Set<string>();

/** Kills every child still running and removes every temporary directory; safe to call twice. */
export function cleanUp(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  directories.clear();
}

/** Removes `dir` at cleanup, whatever ends the run. */
export function removeAtExit(dir: string): void {
  directories.add(dir);
}

process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the bench`);
    cleanUp();
    process.exit(130);
  });
}

/** A port nobody listens on right now (the child binds it a moment later). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface Started {
  child: ChildProcess;
  pid: number;
  origin: string;
  /** What the process wrote on stderr, for the error message when it dies. */
  stderr(): string;
}

/**
 * Starts `node <args>` from the project root and waits until `probe` answers 200 on the port, failing
 * with the child's own words if it exits first or does not answer within `timeoutMs`.
 */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  port: number,
  probe = '/',
  timeoutMs = 120_000,
): Promise<Started> {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${args.join(' ')} exited (${child.exitCode ?? child.signalCode}) before answering:\n${errors}`,
      );
    }
    try {
      const response = await fetch(`${origin}${probe}`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, pid: child.pid ?? 0, origin, stderr: () => errors };
}

/** Runs `node <args>` to its end with stderr shown, and returns what it printed on stdout. */
export async function runToEnd(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  children.delete(child);
  if (code !== 0) throw new Error(`${args.join(' ')} failed (exit ${code})`);
  return output;
}

/** Stops a child politely (it closes its database), then firmly if it lingers. */
export async function stopProcess(started: Started): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

/** Resident memory of a process in bytes, from /proc (Linux); undefined where /proc is absent. */
export function residentBytes(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The process and its descendants (the workers of `serve --workers N`), from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        // The parent is the fourth field; the command name (second) is in parentheses and may hold spaces.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        parents.set(Number(name), parent);
      } catch {
        // The process ended while the list was read.
      }
    }
  } catch {
    return [root];
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Processor time used so far by a process and its descendants, in ms (user and system), from /proc. */
export function treeCpuMs(pid: number): number {
  const tickMs = 10; // USER_HZ is 100 on Linux.
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while it was read.
    }
  }
  return ticks * tickMs;
}

/**
 * Waits until a process and its workers use less than `share` of one core over a second: work
 * left in the background (storing pages at start, a flush) must not take the processor from the
 * next measurement, least of all from the ceiling's. False when they are still busy after `maxMs`.
 */
export async function quiet(pid: number, { share = 0.05, maxMs = 60_000 } = {}): Promise<boolean> {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const before = treeCpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (treeCpuMs(pid) - before < share * 1000) return true;
  }
  return false;
}

/** Resident memory of a process and of its descendants: the largest one, and all together. */
export function treeResident(pid: number): { largest: number; total: number } | undefined {
  const sizes = processTree(pid).flatMap((p) => residentBytes(p) ?? []);
  if (sizes.length === 0) return undefined;
  return { largest: Math.max(...sizes), total: sizes.reduce((a, b) => a + b, 0) };
}

/**
 * Samples the resident memory of a process and its workers every 200 ms until
 * stopped; returns the highest seen of the largest process and of their sum.
 */
export function sampleResident(pid: number): { stop(): { largest?: number; total?: number } } {
  let largest: number | undefined;
  let total: number | undefined;
  const take = () => {
    const rss = treeResident(pid);
    if (rss === undefined) return;
    largest = Math.max(largest ?? 0, rss.largest);
    total = Math.max(total ?? 0, rss.total);
  };
  take();
  const timer = setInterval(take, 200);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { largest, total };
    },
  };
}
