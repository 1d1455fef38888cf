/**
 * The one spelling under which an old address is stored and looked up: the path only,
 * percent-decoded (browsers send Persian slugs encoded in upper or lower case hex, WordPress
 * stored them lower case), in Unicode NFC, ASCII letters lower-cased, runs of "/" collapsed and
 * without a trailing "/". Returns undefined for what cannot be a site path.
 */
export function oldPathKey(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const key = decoded
    .normalize('NFC')
    .replace(/[A-Z]/g, (letter) => letter.toLowerCase())
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/$/, '$1');
  return key.length > 1000 ? undefined : key;
}

/** The key of WordPress's plain address of a post, `/?p=123`. */
export function postQueryKey(postId: string): string {
  return `/?p=${postId}`;
}

/** The key of WordPress's plain address of a category, `/?cat=7`. */
export function categoryQueryKey(termId: string): string {
  return `/?cat=${termId}`;
}

/**
 * The key for the home page's query, when it is one of WordPress's plain addresses
 * (`/?p=123`, `/?cat=7`); undefined for any other query, which the home page ignores.
 */
export function homeQueryKey(query: Record<string, unknown>): string | undefined {
  const { p, cat } = query;
  if (typeof p === 'string' && /^\d{1,12}$/.test(p)) return postQueryKey(p);
  if (typeof cat === 'string' && /^\d{1,12}$/.test(cat)) return categoryQueryKey(cat);
  return undefined;
}
