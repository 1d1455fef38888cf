const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

// Browsers drop tabs, newlines and other control characters inside URLs, so «java\tscript:» is still
// `javascript:`; the scheme is judged on the text with them removed.
function withoutIgnoredCharacters(text: string): string {
  let kept = '';
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code > 0x20 && (code < 0x7f || code > 0x9f)) kept += character;
  }
  return kept;
}

/**
 * Turns what a writer typed into a link target, or returns null if it cannot be a safe one. Only
 * http, https and mailto links and site-relative paths pass, as the server's sanitizer allows; a bare
 * domain such as «isna.ir/news» gets https.
 */
export function normalizeLinkHref(input: string): string | null {
  const href = withoutIgnoredCharacters(input);
  if (href === '') return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1];
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme.toLowerCase()) ? href : null;
  if (href.startsWith('//')) return `https:${href}`;
  if (/^[/#?]/.test(href)) return href;
  if (/^[^/\s]+\.[^/\s]{2,}(\/|$)/.test(href)) return `https://${href}`;
  return null;
}
