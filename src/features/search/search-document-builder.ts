import { Worker } from 'node:worker_threads';
import type { SearchDocument } from './search-repository.js';
import type { SearchSource } from './search-source-repository.js';

/** Builds the keys of batches of articles on a worker thread, in the order asked. */
export interface DocumentBuilder {
  build(sources: readonly SearchSource[]): Promise<SearchDocument[]>;
  close(): Promise<void>;
}

function startWorker(): Worker {
  const entry = new URL(import.meta.url.replace(/-builder\.(ts|js)$/, '-worker.$1'));
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  // Run from the TypeScript sources (tests, the bench): the worker loads tsx before its module.
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`,
    { eval: true },
  );
}

/**
 * Folding the text of an article costs as much as writing it to the index, so a rebuild does the two
 * on two threads. A failing worker fails every batch it was given.
 */
export function documentBuilder(): DocumentBuilder {
  const worker = startWorker();
  const pending = new Map<number, { resolve: (d: SearchDocument[]) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  const failAll = (error: unknown) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', ({ id, documents }: { id: number; documents: SearchDocument[] }) => {
    pending.get(id)?.resolve(documents);
    pending.delete(id);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the search key worker stopped (exit code ${code})`)));
  return {
    build(sources) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, sources });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
