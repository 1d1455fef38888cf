import { randomUUID } from 'node:crypto';
import type { DomainEvents, EventBus } from '../events.js';

/** One domain event on its way between processes. */
export interface RelayedEvent {
  /** The process that published it; it ignores its own echo. */
  origin: string;
  event: keyof DomainEvents;
  payload: unknown;
}

/** How relayed events leave and reach this process (PostgreSQL NOTIFY, cluster IPC). */
export interface RelayTransport {
  send(message: RelayedEvent): void;
  /** Calls `receive` for every message from any process, this one included. */
  listen(receive: (message: RelayedEvent) => void): void;
  close(): Promise<void>;
}

// A record, not a list, so that a new domain event fails to compile until it is relayed too.
const relayed: Record<keyof DomainEvents, true> = {
  'article.published': true,
  'article.updated': true,
  'article.unpublished': true,
  'section.changed': true,
  'tag.changed': true,
  'media.described': true,
  'curation.changed': true,
  'comment.approved': true,
  'comment.rejected': true,
};
export const relayedEvents = Object.keys(relayed) as (keyof DomainEvents)[];

export function isRelayedEvent(value: unknown): value is RelayedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<RelayedEvent>;
  return (
    typeof message.origin === 'string' &&
    typeof message.event === 'string' &&
    Object.hasOwn(relayed, message.event) &&
    typeof message.payload === 'object' &&
    message.payload !== null
  );
}

/**
 * Sends every event published on `local` to the other processes, and emits
 * theirs on `remote`. Remote events go to their own bus so that only listeners
 * meant to act on other processes' changes (the page cache) hear them; side
 * effects such as queuing a Telegram post stay with the process that published.
 */
export function startEventRelay({
  local,
  remote,
  transport,
  origin = randomUUID(),
}: {
  local: EventBus;
  remote: EventBus;
  transport: RelayTransport;
  origin?: string;
}): { origin: string; stop(): Promise<void> } {
  const unsubscribe = relayedEvents.map((event) =>
    local.on(event, (payload) => transport.send({ origin, event, payload })),
  );
  transport.listen((message) => {
    if (message.origin === origin) return;
    remote.emit(message.event, message.payload as never);
  });
  return {
    origin,
    async stop() {
      for (const off of unsubscribe) off();
      await transport.close();
    },
  };
}
