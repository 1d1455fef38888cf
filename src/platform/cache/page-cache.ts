import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip as gzipCallback, gzipSync } from 'node:zlib';
import { TagIndex } from './tag-index.js';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

export type Encoding = 'br' | 'gzip' | 'identity';

/** A rendered public page kept with what is needed to answer for it without rendering again. */
export interface CachedPage {
  readonly key: string;
  /** Response headers every copy carries: type, Cache-Control, security headers. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Base of the strong ETags; each encoding gets its own, since strong validators are per representation. */
  readonly hash: string;
  readonly tags: readonly string[];
  readonly expiresAt: number | undefined;
  /** The article whose page this is, so a hit still counts a view. */
  readonly viewOf: number | undefined;
  gzip?: Buffer;
  br?: Buffer;
  /** A compressed form being made, so concurrent requests wait for one instead of each making it. */
  pending?: Partial<Record<'gzip' | 'br', Promise<Buffer>>>;
  /** Forms made quickly for the page's first reader, to be remade at full quality once it is read again. */
  quick?: Partial<Record<'gzip' | 'br', true>>;
  bytes: number;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  stored: number;
  evicted: number;
  invalidated: number;
  entries: number;
  bytes: number;
}

// Quality 5 compresses a news page to within 12% of quality 11 at a fiftieth of the
// cost. The first reader of a page does not wait for it: most pages of a large
// archive are read once, so the miss gets the fastest form (a third larger), made
// on the spot, since for a page this small the thread pool's hand-over costs more
// than quality 1 itself. The kept form is remade at quality 5 on the thread pool
// when the page is read a second time.
function compress(body: Buffer, encoding: 'br' | 'gzip', quick: boolean): Promise<Buffer> {
  if (encoding === 'gzip') return quick ? Promise.resolve(gzipSync(body, { level: 1 })) : gzip(body);
  // The size hint lets brotli size its window to the page instead of 4 MB.
  const params = { [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
  return quick
    ? Promise.resolve(
        brotliCompressSync(body, { params: { ...params, [constants.BROTLI_PARAM_QUALITY]: 1 } }),
      )
    : brotli(body, { params: { ...params, [constants.BROTLI_PARAM_QUALITY]: 5 } });
}
const entryOverhead = 512;

export interface NewPage {
  key: string;
  headers: Record<string, string>;
  body: Buffer;
  tags: readonly string[];
  ttlMs?: number | undefined;
  viewOf?: number | undefined;
}

/**
 * Rendered public pages in memory, bounded in bytes and evicted least recently
 * used first. Pages are dropped by tag when the content they show changes
 * (`article:42`, `section:3`, `latest`), so most entries never expire by time;
 * a TTL is only for pages whose lists change with the clock (most viewed).
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #tags = new TagIndex();
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;
  #linked: Pick<PageCache, 'invalidate' | 'clear'>[] = [];
  #hits = 0;
  #misses = 0;
  #stored = 0;
  #evicted = 0;
  #invalidated = 0;

  constructor({ maxBytes, now = Date.now }: { maxBytes: number; now?: () => number }) {
    this.#maxBytes = maxBytes;
    this.#now = now;
  }

  get(key: string): CachedPage | undefined {
    const page = this.#entries.get(key);
    if (!page) {
      this.#misses++;
      return undefined;
    }
    if (page.expiresAt !== undefined && page.expiresAt <= this.#now()) {
      this.#remove(page);
      this.#misses++;
      return undefined;
    }
    // Re-inserting moves the key to the end of the Map's order: the least recently used is first.
    this.#entries.delete(key);
    this.#entries.set(key, page);
    this.#hits++;
    return page;
  }

  set(page: NewPage): CachedPage {
    const previous = this.#entries.get(page.key);
    if (previous) this.#remove(previous);
    const entry: CachedPage = {
      key: page.key,
      headers: page.headers,
      body: page.body,
      hash: createHash('sha256').update(page.body).digest('base64url').slice(0, 27),
      tags: [...new Set(page.tags)],
      expiresAt: page.ttlMs === undefined ? undefined : this.#now() + page.ttlMs,
      viewOf: page.viewOf,
      bytes: page.body.length + page.key.length + entryOverhead,
    };
    // A page larger than the whole budget is answered but not kept.
    if (entry.bytes > this.#maxBytes) return entry;
    this.#entries.set(entry.key, entry);
    this.#tags.add(entry.key, entry.tags);
    this.#bytes += entry.bytes;
    this.#stored++;
    this.#evictOverflow();
    return entry;
  }

  /** The body in the given encoding, if that form has been made. */
  stored(page: CachedPage, encoding: Encoding): Buffer | undefined {
    return encoding === 'identity' ? page.body : page[encoding];
  }

  /**
   * The body in the given encoding, made at full quality the first time it is
   * asked for and then kept. Compression runs on libuv's thread pool, so the
   * event loop goes on answering hits while a new page is compressed.
   */
  encode(page: CachedPage, encoding: Encoding): Promise<Buffer> {
    return this.#make(page, encoding, false);
  }

  /** Like `encode`, at the fastest setting: for the reader whose request made the page. */
  encodeForFirstReader(page: CachedPage, encoding: Encoding): Promise<Buffer> {
    return this.#make(page, encoding, true);
  }

  /** Remakes a quickly made form at full quality in the background; later readers get it. */
  refine(page: CachedPage, encoding: Encoding): void {
    if (encoding === 'identity' || !page.quick?.[encoding] || page.pending?.[encoding]) return;
    const quickForm = page[encoding];
    if (quickForm) this.#account(page, -quickForm.length);
    delete page[encoding];
    delete page.quick[encoding];
    this.#make(page, encoding, false).catch(() => {});
  }

  #make(page: CachedPage, encoding: Encoding, quick: boolean): Promise<Buffer> {
    const kept = this.stored(page, encoding);
    if (kept) return Promise.resolve(kept);
    if (encoding === 'identity') return Promise.resolve(page.body);
    page.pending ??= {};
    const pending = page.pending[encoding];
    if (pending) return pending;
    const made = compress(page.body, encoding, quick).then((output) => {
      // zlib hands back a view of its 8–16 KB output chunk; a kept page keeps only its own bytes.
      const form = output.buffer.byteLength > output.length ? Buffer.from(output) : output;
      page[encoding] = form;
      if (quick) page.quick = { ...page.quick, [encoding]: true };
      delete page.pending?.[encoding];
      this.#account(page, form.length);
      return form;
    });
    page.pending[encoding] = made;
    return made;
  }

  #account(page: CachedPage, bytes: number): void {
    page.bytes += bytes;
    if (this.#entries.get(page.key) !== page) return;
    this.#bytes += bytes;
    if (bytes > 0) this.#evictOverflow();
  }

  /** Whatever else is built from the same content: dropped by the same tags, cleared with the pages. */
  alsoDrop(linked: Pick<PageCache, 'invalidate' | 'clear'>): void {
    this.#linked.push(linked);
  }

  /** Drops every page carrying any of the tags; returns how many went. */
  invalidate(tags: Iterable<string>): number {
    const list = [...tags];
    for (const linked of this.#linked) linked.invalidate(list);
    let dropped = 0;
    for (const key of this.#tags.keysOf(list)) {
      const page = this.#entries.get(key);
      if (page) {
        this.#remove(page);
        dropped++;
      }
    }
    this.#invalidated += dropped;
    return dropped;
  }

  clear(): void {
    for (const linked of this.#linked) linked.clear();
    this.#entries.clear();
    this.#tags.clear();
    this.#bytes = 0;
  }

  stats(): PageCacheStats {
    return {
      hits: this.#hits,
      misses: this.#misses,
      stored: this.#stored,
      evicted: this.#evicted,
      invalidated: this.#invalidated,
      entries: this.#entries.size,
      bytes: this.#bytes,
    };
  }

  #evictOverflow(): void {
    for (const oldest of this.#entries.values()) {
      if (this.#bytes <= this.#maxBytes) return;
      this.#remove(oldest);
      this.#evicted++;
    }
  }

  #remove(page: CachedPage): void {
    this.#entries.delete(page.key);
    this.#bytes -= page.bytes;
    this.#tags.remove(page.key, page.tags);
  }
}

/** The strong ETag of one encoding of a page. */
export function etagOf(page: CachedPage, encoding: Encoding): string {
  if (encoding === 'identity') return `"${page.hash}"`;
  // The quick and the full form are different bytes, so they are different representations.
  return page.quick?.[encoding] ? `"${page.hash}-${encoding}1"` : `"${page.hash}-${encoding}"`;
}
