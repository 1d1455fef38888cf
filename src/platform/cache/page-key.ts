// Campaign and click-id parameters say where a reader came from, not which page
// they want; keeping them in the key would store a copy of a page per share.
const trackingParameter = /^(utm_[a-z_]+|fbclid|gclid|msclkid|yclid|igshid|mc_cid|mc_eid)$/i;

/**
 * The cache key of a request's page: its path without a trailing slash (the
 * router ignores it), and its query with tracking parameters dropped and the
 * rest sorted, so one page is kept once however a link spells it.
 */
export function pageKey(url: string): string {
  const mark = url.indexOf('?');
  let path = mark === -1 ? url : url.slice(0, mark);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (mark === -1) return path;
  const params = [...new URLSearchParams(url.slice(mark + 1))].filter(
    ([name]) => !trackingParameter.test(name),
  );
  if (params.length === 0) return path;
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${path}?${new URLSearchParams(params).toString()}`;
}
