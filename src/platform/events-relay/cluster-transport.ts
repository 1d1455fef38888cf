import type { Worker } from 'node:cluster';
import { isRelayedEvent, type RelayTransport } from './event-relay.js';

/** IPC messages carry this key so the relay leaves other messages alone. */
const key = 'khabarRelayedEvent';

function unwrap(message: unknown) {
  if (typeof message !== 'object' || message === null) return undefined;
  const relayed = (message as Record<string, unknown>)[key];
  return isRelayedEvent(relayed) ? relayed : undefined;
}

/** A cluster worker's side: events go to the primary, which hands them to the other workers. */
export function clusterWorkerTransport(): RelayTransport {
  let onMessage: ((message: unknown) => void) | undefined;
  return {
    send(message) {
      process.send?.({ [key]: message });
    },
    listen(receive) {
      onMessage = (message) => {
        const relayed = unwrap(message);
        if (relayed) receive(relayed);
      };
      process.on('message', onMessage);
    },
    async close() {
      if (onMessage) process.off('message', onMessage);
    },
  };
}

/** The primary's side: every relayed event from one worker goes to all the others. */
export function forwardRelayedEvents(workers: () => Iterable<Worker>, from: Worker, message: unknown): void {
  const relayed = unwrap(message);
  if (!relayed) return;
  for (const worker of workers()) {
    if (worker !== from && worker.isConnected()) worker.send({ [key]: relayed });
  }
}
