import sanitizeHtml from 'sanitize-html';

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

// Past this many cells the word table would cost more memory than a history
// page is worth; the changed middle is then shown as one removal and one addition.
const maxTableCells = 4_000_000;

/**
 * Splits into words, the whitespace between them and punctuation on its own,
 * so «تهران،» differs from «تهران» by its comma only; joining gives the text back.
 */
function tokens(text: string): string[] {
  return text.split(/(\s+|[،؛.,;:!?؟«»"'()[\]{}…-])/).filter((t) => t !== '');
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string) {
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else if (text) parts.push({ op, text });
}

/**
 * A word-level difference between two texts (longest common subsequence),
 * for showing an editor what changed between two saves of an article.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if ((n + 1) * (m + 1) > maxTableCells) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    // lengths[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lengths[i * width + j] =
          midA[i] === midB[j]
            ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
            : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push(parts, 'same', midA[i] ?? '');
        i += 1;
        j += 1;
      } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
        push(parts, 'removed', midA[i] ?? '');
        i += 1;
      } else {
        push(parts, 'added', midB[j] ?? '');
        j += 1;
      }
    }
    push(parts, 'removed', midA.slice(i).join(''));
    push(parts, 'added', midB.slice(j).join(''));
  }
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

/** A body's text with one line per paragraph, heading, list item or caption, for comparing versions. */
export function bodyLines(html: string): string {
  const marked = html.replace(/<\/(p|h2|h3|h4|li|blockquote|figcaption)>|<br\s*\/?>/gi, '$&\n');
  return sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} })
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
