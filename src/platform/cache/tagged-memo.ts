import { TagIndex } from './tag-index.js';

/** When a remembered value must be dropped: when any of its tags changes, or after a time. */
export interface MemoPolicy {
  /** The same tags as pages carry (`article:42`, `section:3`…), dropped by the same events. */
  tags: readonly string[];
  ttlMs?: number;
}

interface Entry {
  value: unknown;
  tags: readonly string[];
  expiresAt: number | undefined;
}

/**
 * Values many pages share (a section's newest teasers, a tag's newest articles),
 * kept in memory and dropped by tag like cached pages, so that rendering a page
 * not in the page cache reads only what is its own. Bounded by entry count,
 * least recently used first.
 */
export class TaggedMemo {
  readonly #entries = new Map<string, Entry>();
  readonly #tags = new TagIndex();
  readonly #loading = new Map<string, Promise<unknown>>();
  readonly #maxEntries: number;
  readonly #defaultTtlMs: number | undefined;
  readonly #now: () => number;
  // Bumped by every invalidation: a value loaded while one happened may be stale, so it is not kept.
  #generation = 0;

  constructor({
    maxEntries,
    defaultTtlMs,
    now = Date.now,
  }: {
    maxEntries: number;
    /** For values whose policy sets no time: a bound on how late a change made out of reach of events shows. */
    defaultTtlMs?: number;
    now?: () => number;
  }) {
    this.#maxEntries = maxEntries;
    this.#defaultTtlMs = defaultTtlMs;
    this.#now = now;
  }

  /**
   * The value remembered under `key`, or the one `load` gives, kept under the
   * policy. Concurrent callers of one key share one load: a spike of first
   * visits runs a shared query once.
   */
  remember<T>(
    key: string,
    policy: MemoPolicy | ((value: T) => MemoPolicy),
    load: () => Promise<T>,
  ): Promise<T> {
    const entry = this.#entries.get(key);
    if (entry && (entry.expiresAt === undefined || entry.expiresAt > this.#now())) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return Promise.resolve(entry.value as T);
    }
    if (entry) this.#remove(key, entry);
    const loading = this.#loading.get(key);
    if (loading) return loading as Promise<T>;
    const generation = this.#generation;
    const loaded = load().then(
      (value) => {
        this.#loading.delete(key);
        if (generation === this.#generation)
          this.#keep(key, value, typeof policy === 'function' ? policy(value) : policy);
        return value;
      },
      (error: unknown) => {
        this.#loading.delete(key);
        throw error;
      },
    );
    this.#loading.set(key, loaded);
    return loaded;
  }

  /** Whether a value is remembered under `key` and still fresh. */
  has(key: string): boolean {
    const entry = this.#entries.get(key);
    return entry !== undefined && (entry.expiresAt === undefined || entry.expiresAt > this.#now());
  }

  /** Drops every value carrying any of the tags; returns how many went. */
  invalidate(tags: Iterable<string>): number {
    this.#generation++;
    let dropped = 0;
    for (const key of this.#tags.keysOf(tags)) {
      const entry = this.#entries.get(key);
      if (entry) {
        this.#remove(key, entry);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#tags.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #keep(key: string, value: unknown, policy: MemoPolicy): void {
    const previous = this.#entries.get(key);
    if (previous) this.#remove(key, previous);
    const tags = [...new Set(policy.tags)];
    const ttlMs = policy.ttlMs ?? this.#defaultTtlMs;
    this.#entries.set(key, {
      value,
      tags,
      expiresAt: ttlMs === undefined ? undefined : this.#now() + ttlMs,
    });
    this.#tags.add(key, tags);
    for (const [oldestKey, oldest] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#remove(oldestKey, oldest);
    }
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#tags.remove(key, entry.tags);
  }
}
