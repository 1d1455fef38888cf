import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyText, sanitizeBody } from './article-body.js';

describe('sanitizeBody', () => {
  it('keeps headings, paragraphs, quotes, lists, links and images', () => {
    const html =
      '<h2>عنوان</h2><p>متن <strong>پررنگ</strong> و <em>کج</em></p><blockquote><p>نقل</p></blockquote>' +
      '<ul><li>یک</li></ul><figure><img src="/media/a-480.jpg" alt="عکس" /><figcaption>زیرنویس</figcaption></figure>' +
      '<p><a href="/news/100001">پیوند</a></p>';
    assert.equal(sanitizeBody(html), html);
  });

  it('drops scripts, event handlers, styles, iframes and javascript: URLs', () => {
    const dirty =
      '<p onclick="steal()">متن</p><script>alert(1)</script><img src="x.jpg" onerror="alert(2)">' +
      '<a href="javascript:alert(3)">پیوند</a><iframe src="https://evil.example"></iframe>' +
      '<p style="color:red">رنگی</p><img src="javascript:alert(4)"><a href="JaVaScRiPt:alert(5)">دو</a>';
    const clean = sanitizeBody(dirty);
    assert.doesNotMatch(clean, /script|onerror|onclick|iframe|style=|javascript:/i);
    assert.match(clean, /<p>متن<\/p>/);
  });

  it('marks outside links noopener so the opened page cannot reach back', () => {
    assert.equal(
      sanitizeBody('<a href="https://example.org">منبع</a>'),
      '<a href="https://example.org" rel="noopener noreferrer">منبع</a>',
    );
  });

  it('turns a stray h1 into a subheading, because the page has one h1: the title', () => {
    assert.equal(sanitizeBody('<h1>تیتر</h1>'), '<h2>تیتر</h2>');
  });

  it('gives the plain text of a body for counts and feeds, words of two blocks kept apart', () => {
    assert.equal(bodyText('<h2>الف</h2><p>ب   پ</p>'), 'الف ب پ');
  });

  it('keeps words joined by inline tags one word, and separates those of block tags and line breaks', () => {
    assert.equal(
      bodyText(
        '<h2>عنوان</h2><p>متن <strong>نخست</strong>\u200cوزیر</p><ul><li>یک</li><li>دو</li></ul>سه<br>چهار',
      ),
      'عنوان متن نخست\u200cوزیر یک دو سه چهار',
    );
  });

  it('decodes entities into the characters they stand for, once', () => {
    assert.equal(
      bodyText('<p>a &amp; b &lt;c&gt; &quot;d&quot; &#1740; &#x6A9; &amp;lt; &nbsp;e &copy; &unknown;</p>'),
      'a & b <c> "d" ی ک &lt; e © &unknown;',
    );
  });

  it('leaves no text of comments, scripts and styles', () => {
    assert.equal(
      bodyText('<p>یک<!-- یادداشت --></p><script>alert(1)</script><style>p{}</style><p>دو</p>'),
      'یک دو',
    );
  });

  it('takes a body without markup as its own text, spaces collapsed', () => {
    assert.equal(bodyText('  متن   ساده\nدر دو خط '), 'متن ساده در دو خط');
  });
});
