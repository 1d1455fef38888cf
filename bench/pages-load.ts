// One load scenario of the page bench: autocannon, in this process, against one of the started
// processes on 127.0.0.1, for a bounded time and number of requests, with a browser's headers. Every
// request takes the next path of a list shared by all connections, so a list of distinct URLs means
// distinct first visits rather than each connection repeating the others.
import autocannon from 'autocannon';
import PipelinedRequestsQueue from 'autocannon/lib/pipelinedRequestsQueue.js';
import { sampleResident } from './pages-processes.js';

export const browserHeaders: Readonly<Record<string, string>> = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'fa-IR,fa;q=0.9,en-US;q=0.6,en;q=0.4',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};

// autocannon appends every response body to a string, decoding it as UTF-8 (`body += chunk`):
// for a compressed page that costs the load generator about 120 µs per 7 KB, more than the
// node:http ceiling spends sending it, on the same two cores. No scenario reads a body, so none is
// kept; byte counts and headers come from elsewhere.
PipelinedRequestsQueue.prototype.addBody = () => {};

export interface LoadSettings {
  seconds: number;
  connections: number;
}

export interface Scenario {
  key: string;
  name: string;
  paths: readonly string[];
  method?: 'GET' | 'POST';
  /** The body and extra headers of the n-th request (a POST's form, a reader's address). */
  request?: (n: number) => { body?: string; headers?: Record<string, string> };
  /** Statuses that are the app's honest refusals (counted, not failures); everything else must be 2xx. */
  refusals?: readonly number[];
  /** Statuses that mean success besides 2xx (a form post answers 303). */
  accepted?: readonly number[];
  /** At most this many requests, even if the time is not up. */
  maxRequests?: number;
}

export interface ScenarioResult {
  key: string;
  name: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Average bytes on the wire per response, headers included. */
  bytesPerResponse: number;
  /** Highest resident memory of the largest server process (the one worker, or the biggest of several). */
  maxRssBytes: number | undefined;
  /** Highest resident memory of the server's processes together (the primary and its workers). */
  maxTotalRssBytes: number | undefined;
  statuses: Record<string, number>;
  accepted: number;
  refused: number;
  /** Responses by their X-Cache header: HIT, MISS, STORED, or none when the server sends no such header. */
  cache: Record<string, number>;
  errors: number;
  timeouts: number;
  /** What makes this scenario's figures wrong: statuses not expected, errors, timeouts. */
  problems: string[];
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Runs one scenario against `origin` and samples the resident memory of process `pid` meanwhile. */
export async function runScenario(
  origin: string,
  pid: number,
  scenario: Scenario,
  { seconds, connections }: LoadSettings,
): Promise<ScenarioResult> {
  const { paths, method = 'GET' } = scenario;
  if (paths.length === 0) throw new Error(`${scenario.name}: no paths to request`);
  let next = 0;
  const cache: Record<string, number> = {};
  const latencies: number[] = [];
  let bytes = 0;
  const memory = sampleResident(pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        ...(scenario.maxRequests ? { maxOverallRequests: Math.max(connections, scenario.maxRequests) } : {}),
        headers: { ...browserHeaders },
        requests: [
          {
            method,
            setupRequest: (request) => {
              const n = next++;
              const extra = scenario.request?.(n) ?? {};
              return {
                ...request,
                path: paths[n % paths.length],
                ...(extra.body !== undefined ? { body: extra.body } : {}),
                headers: { ...request.headers, ...extra.headers },
              };
            },
            onResponse: (_status, _body, _context, headers) => {
              const value = headers?.['x-cache'] ?? headers?.['X-Cache'];
              const label = typeof value === 'string' ? value.toUpperCase() : 'none';
              cache[label] = (cache[label] ?? 0) + 1;
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, responseBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += responseBytes;
    });
  });
  const { largest: maxRssBytes, total: maxTotalRssBytes } = memory.stop();

  const statuses: Record<string, number> = {};
  for (const [code, { count = 0 } = {}] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = Number(count);
  }
  let accepted = 0;
  let refused = 0;
  const unexpected: string[] = [];
  for (const [code, count] of Object.entries(statuses)) {
    const status = Number(code);
    if ((status >= 200 && status < 300) || scenario.accepted?.includes(status)) accepted += count;
    else if (scenario.refusals?.includes(status)) refused += count;
    else unexpected.push(`${count}× ${code}`);
  }
  // Kept and reported rather than thrown, so one broken scenario still leaves the others' figures;
  // the bench exits with a failure when any scenario has problems.
  const problems: string[] = [];
  if (unexpected.length > 0) problems.push(`unexpected answers: ${unexpected.join(', ')}`);
  if (latencies.length === 0) problems.push('no answer at all within the time');
  if (result.errors > 0) {
    problems.push(`${result.errors} errors, ${result.timeouts} of them timeouts (no answer within 10 s)`);
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    key: scenario.key,
    name: scenario.name,
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / result.duration),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
    },
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
    maxRssBytes,
    maxTotalRssBytes,
    statuses,
    accepted,
    refused,
    cache,
    errors: result.errors,
    timeouts: result.timeouts,
    problems,
  };
}
