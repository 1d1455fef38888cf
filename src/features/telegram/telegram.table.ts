import type { Generated } from 'kysely';

export const outboxStates = ['pending', 'sending', 'sent', 'failed', 'unknown', 'skipped'] as const;
export type OutboxState = (typeof outboxStates)[number];

export interface TelegramOutboxTable {
  id: Generated<number>;
  /** Unique: an article is queued once in its life, so it can never be posted twice. */
  articleId: number;
  state: Generated<string>;
  attempts: Generated<number>;
  /** When a pending row may be tried again (UTC ISO 8601). */
  nextAttemptAt: string;
  /** While a process is posting the row: past this instant, that process is presumed dead. */
  leaseUntil: string | null;
  lastError: string | null;
  /** Telegram's id of the channel post. */
  messageId: string | null;
  createdAt: string;
  sentAt: string | null;
}
