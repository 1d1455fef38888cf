import { serializeJsonLd } from './json-ld.js';

/**
 * A structured-data block. It is data, not script: browsers never run a script element of this
 * type, so the site's CSP (`script-src 'self'`, no inline script) neither blocks nor needs it.
 */
export function JsonLd({ data }: { data: Record<string, unknown> | Record<string, unknown>[] }) {
  // serializeJsonLd escapes every "<", so no text inside can close the element.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
