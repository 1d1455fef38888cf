import { parentPort } from 'node:worker_threads';
import { searchDocumentOf } from './search-document.js';
import type { SearchSource } from './search-source-repository.js';

// A rebuild's second thread: turns batches of articles into their keys while the first writes the
// previous batch to the index (search-document-builder.ts).
parentPort?.on('message', ({ id, sources }: { id: number; sources: SearchSource[] }) => {
  parentPort?.postMessage({ id, documents: sources.map(searchDocumentOf) });
});
