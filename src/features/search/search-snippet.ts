import { escapeHtml } from '../../platform/html-entities.js';
import { foldForSearch, gluedKey, type SearchQuery } from '../../platform/persian/search-key.js';
import { firstPossibleMatch } from './snippet-prefilter.js';

/** A piece of original text; `mark` pieces are what the query matched. */
export interface Segment {
  text: string;
  mark: boolean;
}

interface Unit {
  start: number;
  end: number;
  key: string;
}

// A unit is a run of letters, digits, marks and tatweel: a word, or one ZWNJ-joined piece of it.
const UNIT = /[\p{L}\p{N}\p{M}\u0640]+/gu;
const widestWindow = 4;

// Snippets fold every word of ten bodies per page; news repeats its words, so folds are remembered.
const foldCache = new Map<string, string>();
const foldCacheSize = 50_000;

function unitKey(word: string): string {
  let key = foldCache.get(word);
  if (key === undefined) {
    key = foldForSearch(word).replace(/[\s\u200c]/g, '');
    if (foldCache.size >= foldCacheSize) foldCache.clear();
    foldCache.set(word, key);
  }
  return key;
}

function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  for (const match of text.matchAll(UNIT)) {
    const key = unitKey(match[0]);
    if (key) units.push({ start: match.index, end: match.index + match[0].length, key });
  }
  return units;
}

/** Every key the query may have matched, glued, with whether it matched as a prefix. */
function termsOf(query: SearchQuery): { key: string; prefix: boolean }[] {
  const terms = new Map<string, boolean>();
  for (const group of query.groups) {
    for (const { phrase, prefix } of group) {
      const key = phrase.join('');
      terms.set(key, (terms.get(key) ?? false) || prefix);
    }
  }
  return [...terms].map(([key, prefix]) => ({ key, prefix }));
}

/** Every run starting at a unit starts with its key: most units share no start with any term. */
function mayStartAt(head: string, terms: readonly { key: string }[]): boolean {
  return terms.some(({ key }) => key.startsWith(head) || head.startsWith(key));
}

/** How many units, from unit `i` on, make up each run that matched the query (none: no match there). */
function* hitWidths(units: readonly Unit[], i: number, terms: readonly { key: string; prefix: boolean }[]) {
  if (!mayStartAt(units[i]?.key ?? '', terms)) return;
  const keys: string[] = [];
  let joined = '';
  for (let w = 0; w < widestWindow && i + w < units.length; w++) {
    const before = joined.length;
    keys.push(units[i + w]?.key ?? '');
    joined = gluedKey(keys);
    const hit = terms.some(
      ({ key, prefix }) =>
        key.length > before &&
        (prefix ? joined.startsWith(key) : joined === key) &&
        joined.length >= key.length,
    );
    if (hit) yield w + 1;
  }
}

/**
 * Where the query first matched in the text. A body runs to thousands of words and the match is
 * usually near its start, so words are folded only until a match is found: a window is tried once
 * the units it may span have been read.
 */
function firstMatchAt(text: string, query: SearchQuery): number | undefined {
  const terms = termsOf(query);
  const from = firstPossibleMatch(text, query);
  if (from === undefined) return undefined;
  const units: Unit[] = [];
  let tried = 0;
  const tryUpTo = (end: number): number | undefined => {
    for (; tried < end; tried++) {
      // Checked before starting the generator: a body has hundreds of units, few of them hits.
      if (!mayStartAt(units[tried]?.key ?? '', terms)) continue;
      if (!hitWidths(units, tried, terms).next().done) return units[tried]?.start;
    }
    return undefined;
  };
  const reader = new RegExp(UNIT);
  reader.lastIndex = from;
  for (const match of text.matchAll(reader)) {
    const key = unitKey(match[0]);
    if (!key) continue;
    units.push({ start: match.index, end: match.index + match[0].length, key });
    const found = tryUpTo(units.length - widestWindow);
    if (found !== undefined) return found;
  }
  return tryUpTo(units.length);
}

/**
 * Where the query matched in the original text, as [start, end) offsets into it. The text is read
 * with the same folding as the index, a word or a run of up to four pieces at a time, so a match on
 * «نخستوزیر» marks «نخست‌وزیر» or «نخست وزیر» exactly as the author wrote it.
 */
export function matchSpans(text: string, query: SearchQuery): [number, number][] {
  const units = unitsOf(text);
  const terms = termsOf(query);
  const marked = new Array<boolean>(units.length).fill(false);
  for (let i = 0; i < units.length; i++) {
    for (const width of hitWidths(units, i, terms)) {
      for (let k = i; k < i + width; k++) marked[k] = true;
    }
  }
  const spans: [number, number][] = [];
  units.forEach((unit, i) => {
    if (!marked[i]) return;
    const last = spans.at(-1);
    // Pieces of one word (ZWNJ) or words joined by a space are marked as one run.
    if (last && /^[\s\u200c]*$/.test(text.slice(last[1], unit.start))) last[1] = unit.end;
    else spans.push([unit.start, unit.end]);
  });
  return spans;
}

/** The text cut into plain and marked segments, in order. */
export function segmentsOf(text: string, spans: readonly [number, number][]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/**
 * A passage of about `length` characters around the first match, cut at spaces, with «…» where text
 * was left out; the start of the text when nothing in it matched (a title-only match).
 */
export function snippetOf(text: string, query: SearchQuery, length = 240): Segment[] {
  const found = firstMatchAt(text, query);
  const first = found ?? 0;
  let start = Math.max(0, first - Math.floor(length / 4));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  // Only the passage shown is marked: the rest of a long body is never folded.
  const passage = text.slice(start, end);
  // No match in the text: none in a passage of its whole words either (most items matched only in
  // their title), unless the cut fell inside a word.
  const unmatched = found === undefined && (end === text.length || text[end] === ' ');
  const segments = segmentsOf(passage, unmatched ? [] : matchSpans(passage, query));
  if (start > 0) segments.unshift({ text: '… ', mark: false });
  if (end < text.length) segments.push({ text: ' …', mark: false });
  return segments;
}

/** Segments as HTML for the API: text escaped, matches in <mark>. */
export function segmentsHtml(segments: readonly Segment[]): string {
  return segments
    .map(({ text, mark }) => {
      const escaped = escapeHtml(text);
      return mark ? `<mark>${escaped}</mark>` : escaped;
    })
    .join('');
}
