import { decodeEntities } from '../import/wordpress-text.js';

// The words of an article body as plain text, for the index and for snippets. Bodies are stored as
// sanitized HTML (article-body.ts), so their markup is only tags, comments and entities: a scan with
// two regular expressions reads it. Parsing each body with an HTML parser cost more than folding its
// words, ten times per results page.

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
 * The text of an HTML body: tags removed (block tags and line breaks leave a space between the words
 * they separate, inline tags nothing, so «<b>نخست</b>‌وزیر» stays one word), entities decoded, white
 * space collapsed. The result is plain text, to be escaped wherever it is shown.
 */
export function articleText(html: string): string {
  const text = html.replace(MARKUP, (_tag, _raw: string | undefined, name: string | undefined) =>
    name !== undefined && !BREAKING_TAGS.has(name.toLowerCase()) ? '' : ' ',
  );
  // Single spaces stay as they are: replacing each of them cost more than the rest of the scan.
  return (text.includes('&') ? decodeEntities(text) : text).replace(SPACES, ' ').trim();
}
