import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const reportKinds = [
  'authors',
  'sections',
  'tags',
  'attachments',
  'posts',
  'comments',
  'redirects',
] as const;
export type ReportKind = (typeof reportKinds)[number];

export interface Tally {
  imported: number;
  alreadyImported: number;
  skipped: number;
}

export interface ReportEntry {
  kind: ReportKind | 'pages' | 'other';
  id: string;
  title?: string;
  link?: string;
  reason: string;
}

export interface ImportReport {
  file: string;
  site: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string | null;
  /** Stopped before the end (Ctrl-C, or an error named in `error`); running again resumes. */
  interrupted: boolean;
  error: string | null;
  counts: Record<ReportKind, Tally>;
  /** Skipped records by reason, for a quick look; `skipped` lists them one by one. */
  skippedByReason: Record<string, number>;
  warningsByReason: Record<string, number>;
  skipped: ReportEntry[];
  warnings: ReportEntry[];
  /** Entries beyond the listing limit, counted but not listed, so the report's size stays bounded. */
  notListed: { skipped: number; warnings: number };
}

// A 1 GB export can hold a million revisions and spam comments; the report lists this many of
// each kind of entry and counts the rest.
const listLimit = 5000;

function reasonKey(reason: string): string {
  return reason.replace(/\s*\(.*\)$/, '').replace(/:.*$/, '');
}

/** Collects what an import did, skipped and warned about. */
export function createReport(file: string, dryRun: boolean, startedAt: Date) {
  const counts = Object.fromEntries(
    reportKinds.map((kind) => [kind, { imported: 0, alreadyImported: 0, skipped: 0 }]),
  ) as Record<ReportKind, Tally>;
  const report: ImportReport = {
    file: path.resolve(file),
    site: '',
    dryRun,
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    interrupted: false,
    error: null,
    counts,
    skippedByReason: {},
    warningsByReason: {},
    skipped: [],
    warnings: [],
    notListed: { skipped: 0, warnings: 0 },
  };
  function list(into: ReportEntry[], entry: ReportEntry, which: 'skipped' | 'warnings') {
    if (into.length < listLimit) into.push(entry);
    else report.notListed[which] += 1;
  }
  return {
    report,
    imported(kind: ReportKind, n = 1) {
      counts[kind].imported += n;
    },
    already(kind: ReportKind) {
      counts[kind].alreadyImported += 1;
    },
    skip(entry: ReportEntry) {
      if (entry.kind !== 'pages' && entry.kind !== 'other') counts[entry.kind].skipped += 1;
      const key = `${entry.kind}: ${reasonKey(entry.reason)}`;
      report.skippedByReason[key] = (report.skippedByReason[key] ?? 0) + 1;
      list(report.skipped, entry, 'skipped');
    },
    warn(entry: ReportEntry) {
      const key = reasonKey(entry.reason);
      report.warningsByReason[key] = (report.warningsByReason[key] ?? 0) + 1;
      list(report.warnings, entry, 'warnings');
    },
  };
}

export type ImportReporter = ReturnType<typeof createReport>;

/** Writes the report as JSON, creating its folder; returns the absolute path. */
export function writeReport(report: ImportReport, file: string): string {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(report, null, 2)}\n`);
  return target;
}

/** The report as lines for a terminal: counts per kind, then skips and warnings by reason. */
export function summarizeReport(report: ImportReport): string {
  const verb = report.dryRun ? 'would import' : 'imported';
  const lines = [
    `${report.dryRun ? 'dry run (nothing written)' : 'import'} of ${report.site || report.file}${report.interrupted ? ' — INTERRUPTED, run the same command again to resume' : ''}`,
    ...reportKinds.map((kind) => {
      const t = report.counts[kind];
      return `  ${kind.padEnd(12)} ${verb} ${t.imported}, already imported ${t.alreadyImported}, skipped ${t.skipped}`;
    }),
  ];
  const skipped = Object.entries(report.skippedByReason);
  if (skipped.length > 0) lines.push('skipped:', ...skipped.map(([reason, n]) => `  ${n} × ${reason}`));
  const warnings = Object.entries(report.warningsByReason);
  if (warnings.length > 0) lines.push('warnings:', ...warnings.map(([reason, n]) => `  ${n} × ${reason}`));
  if (report.error) lines.push(`error: ${report.error}`);
  return lines.join('\n');
}
