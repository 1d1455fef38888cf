import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A set of known Persian words, asked one word at a time. */
export interface Lexicon {
  has(word: string): boolean;
  /** How many distinct trie nodes it holds, for the load report. */
  readonly nodeCount: number;
}

// The word list is the Persian dictionary of the cspell project (`@cspell/dict-fa-ir`, Apache-2.0,
// built from the «lilak» Hunspell dictionary). It ships one file, `fa-IR.trie.gz`: a gzipped text
// serialization ("TrieXv3") of a trie whose shared suffixes are written once and referred to by number
// afterwards, i.e. a DAWG. The format, as written by cspell-trie-lib:
//
//   - a header up to the line `__DATA__`, with `TrieXv3` and `base=N` (the radix of references);
//   - then a stream of characters: a letter adds a child to the current node and descends into it;
//     `$` marks the current node as the end of a word and goes back up one level; `<` goes back up
//     one level; a digit 2–9 right after `$` or `<` means "go up that many levels in all";
//     `#r;` makes the child just added the r-th node that had children (numbered in the order they
//     were first written, the root being 0); `\` escapes the next character; line breaks mean nothing.
//
// Rather than a JavaScript object per node (tens of megabytes), the nodes are kept in flat typed
// arrays: each node's children are one sorted run of (character, target) pairs.

const LEAF = -1;
const BACK_DIGITS = /[2-9]/;

class TrieLexicon implements Lexicon {
  constructor(
    private readonly firstEdge: Int32Array,
    private readonly edgeChar: Uint16Array,
    private readonly edgeTarget: Int32Array,
    private readonly isWordEnd: Uint8Array,
  ) {}

  get nodeCount(): number {
    return this.isWordEnd.length;
  }

  has(word: string): boolean {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      if (node === LEAF) return false;
      const next = this.child(node, word.charCodeAt(i));
      if (next === undefined) return false;
      node = next;
    }
    return node === LEAF || this.isWordEnd[node] === 1;
  }

  private child(node: number, code: number): number | undefined {
    let low = this.firstEdge[node] ?? 0;
    let high = (this.firstEdge[node + 1] ?? low) - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const c = this.edgeChar[middle] ?? 0;
      if (c === code) return this.edgeTarget[middle];
      if (c < code) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

/** A growable Int32 array, so the parser does not hold millions of boxed numbers. */
class IntList {
  values = new Int32Array(1 << 16);
  length = 0;
  push(value: number): number {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    return this.length++;
  }
}

/**
 * Reads a TrieXv3 text (see above) into a lexicon. Throws on a header it does not know, so a package
 * upgrade that changes the format fails loudly at load instead of silently knowing no words.
 */
export function parseTrieV3(source: string): Lexicon {
  const dataMarker = '__DATA__';
  const dataAt = source.indexOf(dataMarker);
  const header = dataAt < 0 ? '' : source.slice(0, dataAt);
  const base = /^TrieXv3\s*$/m.test(header) ? Number(/^base=(\d+)\s*$/m.exec(header)?.[1]) : Number.NaN;
  if (!Number.isInteger(base) || base < 2 || base > 36) {
    throw new Error('the Persian lexicon is not a TrieXv3 file');
  }
  const data = source.slice(dataAt + dataMarker.length);

  const edgeParent = new IntList();
  const edgeChar = new IntList();
  const edgeTarget = new IntList();
  const wordEnds = new IntList();
  // The path from the root: node ids, and for each the edge that leads to it (-1 for the root).
  const pathNodes: number[] = [0];
  const pathEdges: number[] = [-1];
  let nodeCount = 1;
  let afterBack = false;

  const goUp = (levels: number) => {
    for (let n = 0; n < levels; n++) {
      pathNodes.pop();
      pathEdges.pop();
    }
  };
  const addChild = (code: number) => {
    const parent = pathNodes.at(-1) ?? 0;
    const id = nodeCount++;
    const edge = edgeParent.push(parent);
    edgeChar.push(code);
    edgeTarget.push(id);
    pathNodes.push(id);
    pathEdges.push(edge);
  };

  for (let i = 0; i < data.length; i++) {
    const c = data[i] as string;
    if (afterBack && BACK_DIGITS.test(c)) {
      goUp(Number(c) - 1);
      continue;
    }
    afterBack = false;
    switch (c) {
      case '\n':
      case '\r':
        break;
      case '$': {
        const node = pathNodes.at(-1) ?? 0;
        const edge = pathEdges.at(-1) ?? -1;
        // A word end without children is the one shared leaf; it was the last node numbered.
        if (edge >= 0 && node === nodeCount - 1 && edgeParent.length - 1 === edge) {
          edgeTarget.values[edge] = LEAF;
          nodeCount--;
        } else {
          wordEnds.push(node);
        }
        goUp(1);
        afterBack = true;
        break;
      }
      case '<':
        goUp(1);
        afterBack = true;
        break;
      case '#': {
        const end = data.indexOf(';', i);
        if (end < 0) throw new Error('the Persian lexicon has an unterminated reference');
        const target = Number.parseInt(data.slice(i + 1, end), base);
        const edge = pathEdges.at(-1) ?? -1;
        if (edge < 0 || !Number.isInteger(target) || target >= nodeCount) {
          throw new Error('the Persian lexicon has a reference to an unknown node');
        }
        // The child just added is not a new node after all but an earlier one.
        edgeTarget.values[edge] = target;
        nodeCount--;
        pathNodes[pathNodes.length - 1] = target;
        i = end;
        break;
      }
      case '\\': {
        const next = data[++i] ?? '';
        addChild((next === 'n' ? '\n' : next === 'r' ? '\r' : next).charCodeAt(0));
        break;
      }
      default:
        addChild(c.charCodeAt(0));
    }
  }
  return buildLexicon(nodeCount, edgeParent, edgeChar, edgeTarget, wordEnds);
}

/** Turns the edge list into one sorted run of children per node (a counting sort by parent). */
function buildLexicon(
  nodeCount: number,
  edgeParent: IntList,
  edgeChar: IntList,
  edgeTarget: IntList,
  wordEnds: IntList,
): Lexicon {
  const firstEdge = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeParent.length; e++) {
    const parent = edgeParent.values[e] ?? 0;
    firstEdge[parent + 1] = (firstEdge[parent + 1] ?? 0) + 1;
  }
  for (let n = 0; n < nodeCount; n++) firstEdge[n + 1] = (firstEdge[n + 1] ?? 0) + (firstEdge[n] ?? 0);
  const fill = firstEdge.slice(0, nodeCount);
  const chars = new Uint16Array(edgeParent.length);
  const targets = new Int32Array(edgeParent.length);
  for (let e = 0; e < edgeParent.length; e++) {
    const parent = edgeParent.values[e] ?? 0;
    const slot = fill[parent] ?? 0;
    fill[parent] = slot + 1;
    chars[slot] = edgeChar.values[e] ?? 0;
    targets[slot] = edgeTarget.values[e] ?? LEAF;
  }
  // The file writes children in code-point order, but sorting here keeps lookups right either way.
  for (let n = 0; n < nodeCount; n++) sortRun(chars, targets, firstEdge[n] ?? 0, firstEdge[n + 1] ?? 0);
  const isWordEnd = new Uint8Array(nodeCount);
  for (let w = 0; w < wordEnds.length; w++) isWordEnd[wordEnds.values[w] ?? 0] = 1;
  return new TrieLexicon(firstEdge, chars, targets, isWordEnd);
}

function sortRun(chars: Uint16Array, targets: Int32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const c = chars[i] ?? 0;
    const t = targets[i] ?? 0;
    let j = i - 1;
    while (j >= start && (chars[j] ?? 0) > c) {
      chars[j + 1] = chars[j] ?? 0;
      targets[j + 1] = targets[j] ?? 0;
      j--;
    }
    chars[j + 1] = c;
    targets[j + 1] = t;
  }
}

/** Where the package keeps its trie; the package exports only its cspell settings file, beside it. */
function lexiconFile(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@cspell/dict-fa-ir/cspell-ext.json')), 'fa-IR.trie.gz');
}

let loaded: Lexicon | undefined;

/**
 * The Persian lexicon, read from the package the first time it is asked for and kept for the life of
 * the process (reading it takes a fraction of a second; nothing that never fixes typography pays it).
 */
export function persianLexicon(): Lexicon {
  loaded ??= parseTrieV3(gunzipSync(readFileSync(lexiconFile())).toString('utf8'));
  return loaded;
}
