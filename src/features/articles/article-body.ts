import sanitizeHtml from 'sanitize-html';
import { decodeEntities } from '../../platform/html-entities.js';

// The allowlist of what an article body may contain. Anything else — scripts,
// styles, event handlers, iframes, javascript: URLs — is dropped on every save,
// so the site can print bodies as HTML without trusting who wrote them.
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'a',
    'figure',
    'figcaption',
    'img',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    // Old editors produce h1 and div; keep their text in the body's own structure.
    h1: 'h2',
    div: 'p',
    a: (tagName, attribs) => {
      const { rel: _rel, target: _target, ...rest } = attribs;
      const external = /^https?:/i.test(rest.href ?? '');
      return { tagName, attribs: external ? { ...rest, rel: 'noopener noreferrer' } : rest };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'p' && !frame.text.trim() && !frame.mediaChildren.length,
};

/** Returns the body with only allowlisted markup left. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options).trim();
}

// Tags that end a word: a paragraph's last word and the next one's first must stay two words.
const BREAKING_TAGS = new Set(
  'p br div h1 h2 h3 h4 h5 h6 blockquote ul ol li figure figcaption img hr table thead tbody tfoot tr th td caption pre'.split(
    ' ',
  ),
);

// Comments, the contents of script and style (never text, even in a body stored before sanitizing),
// and every tag with its name.
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<\/?([a-z][a-z0-9]*)\b[^>]*>/gi;

// A run of white space, or one white space character that is not a space: «\s+» either way.
const SPACES = /\s\s+|[^\S ]/g;

/**
 * The body's words as plain text, for word counts, the feeds' fallback description, the search
 * index and snippets. Bodies are stored sanitized (above), so their markup is only tags, comments
 * and entities, and two regular expressions read it; an HTML parser cost more than folding the
 * words, ten times per results page. Block tags and line breaks leave a space between the words
 * they separate, inline tags nothing («<b>نخست</b>‌وزیر» stays one word); entities are decoded.
 * The result is to be escaped wherever it is shown.
 */
export function bodyText(html: string): string {
  const text = html.replace(MARKUP, (_tag, _raw: string | undefined, name: string | undefined) =>
    name !== undefined && !BREAKING_TAGS.has(name.toLowerCase()) ? '' : ' ',
  );
  // Single spaces stay as they are: replacing each of them cost more than the rest of the scan.
  return (text.includes('&') ? decodeEntities(text) : text).replace(SPACES, ' ').trim();
}
