import { decodeEntities } from '../../platform/html-entities.js';
import { foldArabicLetters } from './wordpress-text.js';

/** A picture's new address (and size) in Khabar, by the address it had in WordPress. */
export type ImageAddresses = ReadonlyMap<string, { src: string; width?: number; height?: number }>;

export interface ConvertedBody {
  html: string;
  warnings: string[];
}

// Shortcodes WordPress itself knows; a bare [name] that is none of these is left as text, because
// Persian and English copy put words in brackets too ("[sic]", "[1]").
const coreShortcodes = new Set(['caption', 'wp_caption', 'gallery', 'audio', 'video', 'playlist', 'embed']);

const blockTags =
  'table|thead|tfoot|caption|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|blockquote|address|p|h[1-6]|hr|section|article|aside|header|footer|nav|figure|figcaption|details|summary';
const blockOpen = new RegExp(`(<(?:${blockTags})[\\s/>])`, 'gi');
const blockClose = new RegExp(`(</(?:${blockTags})>)`, 'gi');
const startsWithBlock = new RegExp(`^</?(?:${blockTags})[\\s/>]`, 'i');

const voidTags = new Set([
  'br',
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'source',
  'wbr',
  'area',
  'col',
  'embed',
  'param',
  'track',
]);
// HTML lets these close themselves; their missing end tags are not damage.
const selfClosing = new Set(['p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'thead', 'tbody']);
const removedElements = ['script', 'iframe', 'object', 'embed', 'style', 'form'];

/**
 * WordPress's classic editor stores paragraphs as blank lines and line breaks as newlines, and
 * adds the <p> and <br> only when it prints the post (wpautop). Khabar stores the markup itself.
 */
export function addParagraphs(text: string): string {
  const spaced = text.replace(/\r\n?/g, '\n').replace(blockOpen, '\n\n$1').replace(blockClose, '\n\n$1\n\n');
  let html = '';
  for (const raw of spaced.split(/\n\s*\n/)) {
    const chunk = raw.trim();
    if (!chunk) continue;
    // An end tag was set apart only to be found; it goes back beside what it closes.
    if (chunk.startsWith('</')) html += chunk;
    else
      html += `${html ? '\n' : ''}${startsWithBlock.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br />\n')}</p>`}`;
  }
  return html;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s\\]]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** [caption]<img …/> Caption[/caption] (or caption="…") becomes a figure with its figcaption. */
function captionToFigure(attributes: string, inner: string): string {
  const media = /^\s*(?:<a\b[^>]*>\s*)?(<img\b[^>]*>)(?:\s*<\/a>)?/i.exec(inner);
  if (!media) return inner;
  const caption = (attribute(attributes, 'caption') ?? inner.slice(media[0].length)).trim();
  return `<figure>${media[1]}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/**
 * Replaces shortcodes: captions become figures, embeds become links, and any other shortcode is
 * removed (the text it wrapped stays) and named in `removed`.
 */
export function replaceShortcodes(html: string, removed: Set<string>): string {
  const pairs = /\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi;
  let out = html.replace(pairs, (_whole, _name: string, attributes: string, inner: string) =>
    captionToFigure(attributes, inner),
  );
  out = out.replace(
    /\[embed\b[^\]]*\]\s*(https?:\/\/[^\s[<]+)\s*\[\/embed\]/gi,
    '<p><a href="$1">$1</a></p>',
  );
  const closing = new Set([...out.matchAll(/\[\/([a-z][\w-]*)\]/gi)].map((m) => (m[1] ?? '').toLowerCase()));
  return out.replace(
    /\[(\/?)([a-z][\w-]*)((?:\s[^\]]*)?)(\/?)\]/gi,
    (whole, _slash, name: string, attributes: string) => {
      const lower = name.toLowerCase();
      const isShortcode = coreShortcodes.has(lower) || closing.has(lower) || attributes.trim() !== '';
      if (!isShortcode) return whole;
      removed.add(lower);
      return '';
    },
  );
}

/** Names the damage the sanitizer will mend: end tags missing, stray or crossed. */
export function findBrokenMarkup(html: string): string | undefined {
  const open: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClose] = match;
    const name = (rawName ?? '').toLowerCase();
    if (voidTags.has(name) || selfClosing.has(name) || selfClose) continue;
    if (!closing) {
      open.push(name);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at < 0) return `stray </${name}>`;
    if (at !== open.length - 1) return `<${open.at(-1)}> not closed before </${name}>`;
    open.pop();
  }
  return open.length > 0 ? `<${open.at(-1)}> never closed` : undefined;
}

/** Folds Arabic letters in the text and in alt and title attributes, never in addresses. */
function foldOutsideAddresses(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, index) =>
      index % 2 === 0
        ? foldArabicLetters(part)
        : part.replace(
            /\b(alt|title)="([^"]*)"/gi,
            (_w, name: string, value: string) => `${name}="${foldArabicLetters(value)}"`,
          ),
    )
    .join('');
}

function replaceImages(html: string, images: ImageAddresses): string {
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = attribute(tag, 'src');
    const found = src === undefined ? undefined : images.get(decodeEntities(src));
    if (!found) return tag;
    const alt = attribute(tag, 'alt') ?? '';
    const size = found.width && found.height ? ` width="${found.width}" height="${found.height}"` : '';
    return `<img src="${found.src}" alt="${alt}"${size} />`;
  });
}

/** Every image address in a post body, as written (entities decoded). */
export function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*>/gi)].flatMap((m) => {
    const src = attribute(m[0], 'src');
    return src ? [decodeEntities(src)] : [];
  });
}

/**
 * Turns a WordPress post body into Khabar's body markup, before the article service sanitizes it:
 * block-editor comments go, classic-editor paragraphs get their <p>, captions become figures,
 * unknown shortcodes are removed, images move to their new addresses, Arabic letters are folded.
 * The warnings say what a person should know: shortcodes removed, broken markup mended, scripts
 * and embeds dropped.
 */
export function convertPostBody(content: string, images: ImageAddresses = new Map()): ConvertedBody {
  const warnings: string[] = [];
  const blockEditor = /<!--\s*wp:/.test(content);
  let html = content.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '');
  const removed = new Set<string>();
  html = replaceShortcodes(html, removed);
  if (removed.size > 0)
    warnings.push(`unknown shortcodes removed: ${[...removed].map((n) => `[${n}]`).join(' ')}`);
  const broken = findBrokenMarkup(html);
  if (broken) warnings.push(`broken HTML fixed (${broken})`);
  const dropped = removedElements.filter((tag) => new RegExp(`<${tag}\\b`, 'i').test(html));
  if (dropped.length > 0)
    warnings.push(`removed by the sanitizer: ${dropped.map((t) => `<${t}>`).join(' ')}`);
  if (!blockEditor) html = addParagraphs(html);
  html = replaceImages(foldOutsideAddresses(html), images);
  return { html, warnings };
}
