// What the page bench prints and keeps: a table of the scenarios as shares of the node:http ceiling,
// the targets of issue 8 beside the figures, and bench/results.json with everything measured.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { ScenarioResult } from './pages-load.js';

export interface PublishToVisible {
  /** From sending the API request to the article's own page showing the new title; null: not within the deadline. */
  articleMs: number | null;
  /** From sending the API request to the home page showing the new title; null: not within the deadline. */
  homeMs: number | null;
}

export interface Target {
  label: string;
  goal: string;
  figure: string;
  met: boolean;
}

export interface BenchReport {
  ceiling: ScenarioResult;
  /** Fastify compressing the article page anew per request: what a first visit cannot beat. */
  floor: ScenarioResult;
  scenarios: ScenarioResult[];
  /** Search latency seen by one reader at a time (one connection), first visits of distinct queries. */
  searchProbe: ScenarioResult[];
  publish: PublishToVisible;
  articles: number;
}

const mib = (bytes: number | undefined) =>
  bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ratio = (result: ScenarioResult, ceiling: ScenarioResult) =>
  ceiling.requestsPerSecond ? result.requestsPerSecond / ceiling.requestsPerSecond : 0;

function cacheNote(result: ScenarioResult): string {
  const total = Object.values(result.cache).reduce((a, b) => a + b, 0);
  if (!total || result.cache.none === total) return 'no X-Cache';
  // STORED: not in the page cache either, put together from the article's stored parts.
  const stored = result.cache.STORED ?? 0;
  const miss = (result.cache.MISS ?? 0) + stored;
  const share = (n: number) => `${((n / total) * 100).toFixed(1)}%`;
  return stored > 0 ? `miss ${share(miss)} (stored parts ${share(stored)})` : `miss ${share(miss)}`;
}

/** The scenarios as a fixed-width table, each with its share of the ceiling's req/s. */
export function formatTable({ ceiling, floor, scenarios, searchProbe }: BenchReport): string {
  const head = [
    'scenario',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max RSS',
    'all procs',
    'bytes/resp',
    '×ceiling',
    'notes',
  ];
  const rows = [ceiling, floor, ...scenarios, ...searchProbe].map((r) => {
    const notes = [cacheNote(r)];
    if (r.problems.length) notes.unshift(`✗ ${r.errors} errors/timeouts or wrong statuses`);
    if (r.refused) notes.push(`${r.accepted} accepted, ${r.refused} refused`);
    return [
      r.name,
      String(r.requestsPerSecond),
      r.latencyMs.p50.toFixed(1),
      r.latencyMs.p95.toFixed(1),
      r.latencyMs.p99.toFixed(1),
      mib(r.maxRssBytes),
      mib(r.maxTotalRssBytes),
      String(r.bytesPerResponse),
      ratio(r, ceiling).toFixed(2),
      r === ceiling
        ? 'plain node:http, same bytes'
        : r === floor
          ? 'Fastify + brotli 1 per request, no render or query'
          : notes.join('; '),
    ];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) =>
        c === 0 || c === cells.length - 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
      )
      .join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

function find(report: BenchReport, key: string): ScenarioResult {
  const found = report.scenarios.find((s) => s.key === key);
  if (!found) throw new Error(`no scenario ${key}`);
  return found;
}

/** A publish-to-visible time as printed; null is a page that never showed the article. */
export const shownMs = (ms: number | null) => (ms === null ? 'not shown within 10 s' : `${ms} ms`);

/** Figures of a scenario with errors, timeouts or wrong statuses meet no target. */
const valid = (...results: ScenarioResult[]) => results.every((r) => r.problems.length === 0);

/** The targets of issue 8 (point 5), judged on this run's figures. */
export function judgeTargets(report: BenchReport): Target[] {
  const { ceiling, floor, publish } = report;
  const hit = find(report, 'article-hit');
  const miss = find(report, 'article-miss');
  const home = find(report, 'home');
  const searchP95 = Math.max(...report.searchProbe.map((s) => s.latencyMs.p95));
  const rss = Math.max(...report.scenarios.map((s) => s.maxRssBytes ?? 0));
  const totalRss = Math.max(...report.scenarios.map((s) => s.maxTotalRssBytes ?? 0));
  const publishMs =
    publish.articleMs === null || publish.homeMs === null
      ? null
      : Math.max(publish.articleMs, publish.homeMs);
  const scale =
    report.articles >= 100_000 ? '' : ` (at ${report.articles} articles; the target is for 100 000)`;
  return [
    {
      label: 'cached article',
      goal: '≥ 0.7× ceiling',
      figure: `${ratio(hit, ceiling).toFixed(2)}× (${hit.requestsPerSecond} of ${ceiling.requestsPerSecond} req/s)`,
      met: valid(ceiling, hit) && ratio(hit, ceiling) >= 0.7,
    },
    {
      label: 'uncached article',
      goal: '≥ 2000 req/s',
      figure:
        `${miss.requestsPerSecond} req/s, ${cacheNote(miss)}${scale}; ` +
        `${ratio(miss, floor).toFixed(2)}× the first-visit floor (${floor.requestsPerSecond} req/s)`,
      met: valid(miss) && miss.requestsPerSecond >= 2000,
    },
    {
      label: 'home',
      goal: '≥ 0.7× ceiling',
      figure: `${ratio(home, ceiling).toFixed(2)}× (${home.requestsPerSecond} req/s)`,
      met: valid(ceiling, home) && ratio(home, ceiling) >= 0.7,
    },
    {
      label: 'search p95 (one reader at a time)',
      goal: '≤ 30 ms',
      figure: `${searchP95.toFixed(1)} ms${scale}`,
      met: valid(...report.searchProbe) && searchP95 <= 30,
    },
    {
      label: 'server RSS under load',
      goal: '≤ 300 MB',
      figure: `${mib(rss)} the largest process, ${mib(totalRss)} all together${scale}`,
      met: rss > 0 && rss <= 300 * 1024 * 1024,
    },
    {
      label: 'publish-to-visible',
      goal: '≤ 1000 ms',
      figure: `${shownMs(publishMs)} (article ${shownMs(publish.articleMs)}, home ${shownMs(publish.homeMs)})`,
      met: publishMs !== null && publishMs <= 1000,
    },
  ];
}

export function formatTargets(targets: Target[]): string {
  const width = Math.max(...targets.map((t) => t.label.length));
  return targets
    .map((t) => `${t.met ? '✓' : '✗'} ${t.label.padEnd(width)}  ${t.goal.padEnd(15)} ${t.figure}`)
    .join('\n');
}

/** Writes everything measured, with the machine and settings, so runs can be compared later. */
export function writeResults(
  file: string,
  report: BenchReport,
  targets: Target[],
  context: Record<string, unknown>,
): void {
  const cpus = os.cpus();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? 'unknown',
      node: process.version,
      platform: process.platform,
    },
    ...context,
    ceiling: report.ceiling,
    floor: report.floor,
    scenarios: report.scenarios,
    searchProbe: report.searchProbe,
    publishToVisible: report.publish,
    targets,
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
