import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleText } from './search-text.js';

test('block tags and line breaks separate words, inline tags do not', () => {
  assert.equal(
    articleText(
      '<h2>عنوان</h2><p>متن <strong>نخست</strong>\u200cوزیر</p><ul><li>یک</li><li>دو</li></ul>سه<br>چهار',
    ),
    'عنوان متن نخست\u200cوزیر یک دو سه چهار',
  );
});

test('entities become the characters they stand for, once', () => {
  assert.equal(
    articleText('<p>a &amp; b &lt;c&gt; &quot;d&quot; &#1740; &#x6A9; &amp;lt; &nbsp;e &copy; &unknown;</p>'),
    'a & b <c> "d" ی ک &lt; e © &unknown;',
  );
});

test('comments, scripts and styles leave no text', () => {
  assert.equal(
    articleText('<p>یک<!-- یادداشت --></p><script>alert(1)</script><style>p{}</style><p>دو</p>'),
    'یک دو',
  );
});

test('a body without markup is its own text, spaces collapsed', () => {
  assert.equal(articleText('  متن   ساده\nدر دو خط '), 'متن ساده در دو خط');
});
