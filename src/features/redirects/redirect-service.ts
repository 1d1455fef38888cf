import type { DB } from '../../platform/db/database.js';
import { homeQueryKey, oldPathKey } from './redirect.js';
import { findRedirectTarget, insertRedirects } from './redirect-repository.js';

/**
 * Targets must be addresses a route of the site always answers itself (an article, a section, a
 * tag), never one that falls through to the redirects table: so a redirect cannot lead to another
 * redirect, and no chain of them can loop.
 */
const routedPrefixes = ['/news/', '/section/', '/tag/'] as const;

export function isRoutedTarget(target: string): boolean {
  return routedPrefixes.some((prefix) => target.startsWith(prefix));
}

/** An old address and where it now lives; `from` is a URL path (encoded or not) or a `/?p=` key. */
export interface OldAddress {
  from: string;
  to: string;
}

/**
 * Old addresses (from a WordPress import) that answer 301 with the new one. Lookups happen only
 * for requests no route matched and for the home page's `?p=`/`?cat=` queries, each one
 * primary-key read.
 */
export function createRedirectService({ db }: { db: DB }) {
  return {
    /** Where an unmatched request's path now lives, or undefined. */
    async lookup(url: string): Promise<string | undefined> {
      const key = oldPathKey(url);
      if (!key || key === '/') return undefined;
      return findRedirectTarget(db, key);
    },

    /** Where a WordPress plain address of the home page (`/?p=123`) now lives, or undefined. */
    async lookupHomeQuery(query: Record<string, unknown>): Promise<string | undefined> {
      const key = homeQueryKey(query);
      return key ? findRedirectTarget(db, key) : undefined;
    },

    /**
     * Records old addresses in `trx` (the importer's transaction). An address already taken keeps
     * its first target; addresses that normalize to nothing or to "/" are ignored. Returns how many
     * were added and which were already taken by another target, so the caller can say so.
     */
    async save(
      trx: DB,
      addresses: readonly OldAddress[],
      now: Date,
    ): Promise<{ added: number; taken: string[] }> {
      const rows = new Map<string, string>();
      for (const { from, to } of addresses) {
        if (!isRoutedTarget(to)) throw new Error(`redirect target ${to} is not an address a route answers`);
        const path = from.startsWith('/?') ? from : oldPathKey(from);
        if (path && path !== '/' && !rows.has(path)) rows.set(path, to);
      }
      const added = new Set(
        await insertRedirects(
          trx,
          [...rows].map(([path, target]) => ({ path, target })),
          now,
        ),
      );
      const taken: string[] = [];
      for (const [path, target] of rows) {
        if (!added.has(path) && (await findRedirectTarget(trx, path)) !== target) taken.push(path);
      }
      return { added: added.size, taken };
    },
  };
}

export type RedirectService = ReturnType<typeof createRedirectService>;
