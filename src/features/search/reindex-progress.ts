import type { ReindexProgress } from './search-indexer.js';

const width = 30;

/**
 * Draws the rebuild's progress on a stream (stderr, so stdout stays clean for scripts): a bar,
 * articles done of all, and the rate. On a terminal one line is redrawn; elsewhere (logs, CI) a
 * line is written at every tenth.
 */
export function reindexProgressBar(stream: NodeJS.WriteStream, startedAt = performance.now()) {
  let lastTenth = -1;
  return ({ done, total }: ReindexProgress): void => {
    const share = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - startedAt) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const filled = Math.round(share * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} articles, ${rate}/s`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
