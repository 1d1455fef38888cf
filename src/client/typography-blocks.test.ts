import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { ruleDescription, textBlocks } from './typography-blocks.js';

const schema = getSchema([StarterKit.configure({ heading: { levels: [2, 3, 4] } })]);

const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'تيتر میانی' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'مردم ' },
        { type: 'text', text: 'مي', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' گویند' },
        { type: 'hardBreak' },
        { type: 'text', text: 'کتاب ها' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'سال 1402' }] }] },
      ],
    },
    { type: 'paragraph' },
  ],
});

test('gives the text of every text block, a line break as «\\n», and nothing of the structure around', () => {
  assert.deepEqual(
    textBlocks(doc).map((b) => b.text),
    ['تيتر میانی', 'مردم مي گویند\nکتاب ها', 'سال 1402', ''],
  );
});

test('offset i of a block is document position from + i, across marks and line breaks', () => {
  for (const block of textBlocks(doc)) {
    for (let i = 0; i < block.text.length; i++) {
      const expected = block.text[i] === '\n' ? '' : block.text[i];
      assert.equal(doc.textBetween(block.from + i, block.from + i + 1), expected, `${block.text} at ${i}`);
    }
  }
});

test('names combined rules in Persian', () => {
  assert.equal(ruleDescription('arabic-letters+zwnj'), 'ی و ک فارسی، نیم‌فاصله');
  assert.equal(ruleDescription('digits'), 'رقم فارسی');
});
