import type pg from 'pg';
import { isRelayedEvent, type RelayedEvent, type RelayTransport } from './event-relay.js';

const channel = 'khabar_events';

export interface PostgresTransportOptions {
  url: string;
  /** Called after a lost connection is back: events published meanwhile were missed. */
  onReconnected: () => void;
  log: (message: string, error?: unknown) => void;
  /** First wait before reconnecting; it doubles up to 5 s. */
  retryMs?: number;
}

/**
 * Relays events with LISTEN/NOTIFY on one channel, over a dedicated client
 * (a pooled one would lose the LISTEN when returned). A lost connection is
 * retried in the background; the process never stops for it.
 */
export function postgresTransport({
  url,
  onReconnected,
  log,
  retryMs = 250,
}: PostgresTransportOptions): RelayTransport & { ready: Promise<void> } {
  let client: pg.Client | undefined;
  let receive: (message: RelayedEvent) => void = () => {};
  let closed = false;
  let everConnected = false;
  let wait = retryMs;
  let sending = Promise.resolve();
  let retry: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const scheduleReconnect = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, wait);
    wait = Math.min(wait * 2, 5_000);
  };

  const connect = async () => {
    let driver: typeof pg;
    try {
      // Loaded here rather than at start so that a SQLite server never holds the driver.
      ({ default: driver } = await import('pg'));
    } catch (error) {
      log('event relay: the PostgreSQL driver (pg) cannot be loaded; events are not relayed', error);
      return;
    }
    const next = new driver.Client({ connectionString: url });
    next.on('error', (error) => {
      log('event relay: connection lost', error);
      if (client === next) client = undefined;
      scheduleReconnect();
    });
    next.on('end', () => {
      if (client === next) client = undefined;
      scheduleReconnect();
    });
    next.on('notification', ({ channel: from, payload }) => {
      if (from !== channel || !payload) return;
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if (isRelayedEvent(message)) receive(message);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      log('event relay: cannot listen yet, retrying', error);
      next.end().catch(() => {});
      scheduleReconnect();
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    wait = retryMs;
    if (everConnected) onReconnected();
    everConnected = true;
    markReady();
  };
  void connect();

  return {
    ready,
    send(message) {
      const current = client;
      if (!current) {
        log(`event relay: ${message.event} not sent, no connection`);
        return;
      }
      // One query at a time on a client: notifications queue behind each other, in order.
      sending = sending
        .then(() => current.query('select pg_notify($1, $2)', [channel, JSON.stringify(message)]))
        .then(
          () => {},
          (error: unknown) => log(`event relay: ${message.event} not sent`, error),
        );
    },
    listen(handler) {
      receive = handler;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
