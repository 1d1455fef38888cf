import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

// The server's answer has the shape of the fixer's own result; only the types cross into the bundle.
export type { TypographyResult, TypographySuggestion } from '../platform/persian/typography.js';

/** The plain text of one paragraph or heading and the document position its first character has. */
export interface TextBlock {
  from: number;
  text: string;
}

/**
 * The text of every paragraph, heading and list item of the document, one block each, so the server
 * fixes each on its own and a suggestion never spans two blocks. Inside a text block every character
 * of a text node is one document position and so is an inline leaf (a line break); writing a line
 * break as «\n» keeps that one-to-one, so offset `i` of a block is document position `from + i`, and
 * the line break also stops the rules from joining words across it.
 */
export function textBlocks(doc: ProseMirrorNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => {
      text += child.isText ? (child.text ?? '') : '\n';
    });
    blocks.push({ from: pos + 1, text });
    return false;
  });
  return blocks;
}

/** Persian names of the rules, for the suggestion's explanation. */
const RULE_NAMES: Readonly<Record<string, string>> = {
  'arabic-letters': 'ی و ک فارسی',
  digits: 'رقم فارسی',
  zwnj: 'نیم‌فاصله',
  punctuation: 'نشانهٔ فارسی',
  quotes: 'گیومهٔ فارسی',
};

export function ruleDescription(rule: string): string {
  return rule
    .split('+')
    .map((name) => RULE_NAMES[name] ?? name)
    .join('، ');
}
