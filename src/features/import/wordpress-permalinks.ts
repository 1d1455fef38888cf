import { categoryQueryKey, postQueryKey } from '../redirects/redirect.js';
import type { WxrItem } from './wxr.js';

/** The path prefix of a WordPress installed in a subfolder ("/blog"), or "" at the root. */
export function blogPrefix(blogUrl: string): string {
  try {
    return new URL(blogUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** The path of an address on the old site, or undefined for another host or a non-address. */
function pathOnSite(link: string, blogUrl: string): string | undefined {
  try {
    const url = new URL(link, blogUrl);
    const site = new URL(blogUrl);
    if (url.host.replace(/^www\./, '') !== site.host.replace(/^www\./, '')) return undefined;
    const p = url.searchParams.get('p');
    if (url.pathname.replace(/\/+$/, '') === blogPrefix(blogUrl) && p) return postQueryKey(p);
    return url.pathname;
  } catch {
    return undefined;
  }
}

/**
 * Every address a published post may have been linked by: the permalink the export recorded (in
 * whatever structure the site used), the plain `/?p=123`, and the common pretty structures
 * (`/2024/01/27/slug/`, `/2024/01/slug/`, `/slug/`), since sites change structure over the years
 * and WordPress kept answering the old ones. Slugs stay as WordPress stored them (Persian ones
 * percent-encoded); the redirects table decodes every key.
 */
export function postAddresses(item: WxrItem, blogUrl: string): string[] {
  const prefix = blogPrefix(blogUrl);
  const addresses = [postQueryKey(item.postId)];
  const recorded = item.link ? pathOnSite(item.link, blogUrl) : undefined;
  if (recorded) addresses.push(recorded);
  const slug = item.postName.trim();
  const date = /^(\d{4})-(\d\d)-(\d\d)/.exec(item.postDate);
  if (slug) {
    if (date) {
      const [, y, m, d] = date;
      addresses.push(`${prefix}/${y}/${m}/${d}/${slug}/`, `${prefix}/${y}/${m}/${slug}/`);
    }
    addresses.push(`${prefix}/${slug}/`);
  }
  return [...new Set(addresses)];
}

/** A category's addresses: `/category/parent/child/`, `/category/child/` and `/?cat=7`. */
export function categoryAddresses(slugPath: readonly string[], termId: string, blogUrl: string): string[] {
  const prefix = blogPrefix(blogUrl);
  const own = slugPath.at(-1);
  if (!own) return [categoryQueryKey(termId)];
  return [
    ...new Set([
      `${prefix}/category/${slugPath.join('/')}/`,
      `${prefix}/category/${own}/`,
      categoryQueryKey(termId),
    ]),
  ];
}

/** A WordPress slug as readers saw it: percent-decoded, or as stored when it does not decode. */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
