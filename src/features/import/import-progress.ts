export interface ImportProgress {
  /** "media" (first pass: people, terms, attachments) or "posts" (second pass). */
  phase: string;
  bytesRead: number;
  totalBytes: number;
  /** Items (posts, pages, attachments, …) handled in this phase so far. */
  records: number;
  /** The phase has read its last record. */
  done?: boolean;
}

const width = 30;

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

/**
 * Draws an import's progress on a stream (stderr, so stdout keeps the report): the phase, a bar
 * by bytes read (the number of posts in an export is not known until its end), records handled
 * and their rate. On a terminal one line is redrawn; elsewhere a line is written per tenth, and
 * one with the phase's final count.
 */
export function importProgressBar(stream: NodeJS.WriteStream, clock: () => number = () => performance.now()) {
  let phase = '';
  let phaseStart = clock();
  let lastTenth = -1;
  return (progress: ImportProgress): void => {
    if (progress.phase !== phase) {
      if (phase && stream.isTTY) stream.write('\n');
      phase = progress.phase;
      phaseStart = clock();
      lastTenth = -1;
    }
    const share = progress.totalBytes === 0 ? 1 : Math.min(1, progress.bytesRead / progress.totalBytes);
    const seconds = (clock() - phaseStart) / 1000;
    const rate = seconds > 0 ? Math.round(progress.records / seconds) : 0;
    const filled = Math.round(share * width);
    const line = `${phase.padEnd(6)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% of ${megabytes(progress.totalBytes)} MB, ${progress.records} items, ${rate}/s`;
    if (stream.isTTY) {
      stream.write(`\r${line}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== lastTenth || progress.done) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
