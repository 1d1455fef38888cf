import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Services } from '../../app.js';
import { importProgressBar } from './import-progress.js';
import { type ImportReport, summarizeReport, writeReport } from './import-report.js';
import { ImportError, ImportFailure, importWordPress } from './wordpress-import-service.js';

export interface ImportCommand {
  file: string;
  mediaDir?: string | undefined;
  dryRun: boolean;
  /** "wp-slug=section-slug" pairs from --map-category. */
  mapCategory: readonly string[];
  /** Where to write the JSON report; by default a timestamped file under the data folder (temp folder for a dry run). */
  reportFile?: string | undefined;
}

function parseCategoryMap(pairs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const from = pair.slice(0, at).trim();
    const to = pair.slice(at + 1).trim();
    if (at <= 0 || !from || !to) {
      throw new ImportError(`--map-category wants WORDPRESS_CATEGORY=SECTION_SLUG, got "${pair}"`);
    }
    map.set(from, to);
  }
  return map;
}

function defaultReportFile(dataDir: string, dryRun: boolean, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return dryRun
    ? path.join(tmpdir(), `khabar-wordpress-dry-run-${stamp}.json`)
    : path.join(dataDir, 'imports', `wordpress-${stamp}.json`);
}

/**
 * `khabar import wordpress FILE`: runs the import with a progress bar on stderr, then prints the
 * report and the path of its JSON copy on stdout. Ctrl-C stops after the record in hand; the same
 * command resumes. Throws ImportError (after writing the report) when the run could not finish.
 */
export async function runImportCommand(
  services: Services,
  dataDir: string,
  command: ImportCommand,
  out: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } = process,
): Promise<ImportReport> {
  const categoryMap = parseCategoryMap(command.mapCategory);
  const stop = new AbortController();
  const onInterrupt = () => {
    if (stop.signal.aborted) process.exit(130);
    out.stderr.write('\nstopping after the current record (Ctrl-C again to quit at once)…\n');
    stop.abort();
  };
  process.on('SIGINT', onInterrupt);
  const reportFile = command.reportFile ?? defaultReportFile(dataDir, command.dryRun, services.clock.now());
  let report: ImportReport;
  try {
    report = await importWordPress(services, {
      file: command.file,
      mediaDir: command.mediaDir,
      dryRun: command.dryRun,
      categoryMap,
      signal: stop.signal,
      onProgress: importProgressBar(out.stderr),
    });
  } catch (error) {
    if (error instanceof ImportFailure) {
      out.stdout.write(
        `${summarizeReport(error.report)}\nreport: ${writeReport(error.report, reportFile)}\n`,
      );
    }
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
    if (out.stderr.isTTY) out.stderr.write('\n');
  }
  out.stdout.write(`${summarizeReport(report)}\nreport: ${writeReport(report, reportFile)}\n`);
  return report;
}
