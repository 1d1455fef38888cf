import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities } from '../../platform/html-entities.js';
import { sanitizeBody } from '../articles/article-body.js';
import { addParagraphs, convertPostBody, findBrokenMarkup, replaceShortcodes } from './wordpress-content.js';
import { cutText, foldArabicLetters, plainText } from './wordpress-text.js';

test('classic-editor text gets paragraphs at blank lines and line breaks at single newlines', () => {
  assert.equal(addParagraphs('یک\n\nدو\nسه'), '<p>یک</p>\n<p>دو<br />\nسه</p>');
});

test('block elements are not wrapped in paragraphs', () => {
  const html = addParagraphs('مقدمه\n<h2>تیتر</h2>\nمتن\n<ul>\n<li>یک</li>\n</ul>');
  assert.ok(html.includes('<p>مقدمه</p>'));
  assert.ok(html.includes('<h2>تیتر'));
  assert.ok(!html.includes('<p><h2>'));
  assert.ok(!html.includes('<p><ul>'));
  assert.ok(html.includes('<p>متن</p>'));
});

test('a caption shortcode becomes a figure with its figcaption, without the link around the picture', () => {
  const removed = new Set<string>();
  const html = replaceShortcodes(
    '[caption id="attachment_1" align="aligncenter" width="800"]<a href="https://x.ir/a.jpg"><img src="https://x.ir/a-800x500.jpg" alt="بازار" /></a> بازار بزرگ[/caption]',
    removed,
  );
  assert.equal(
    html,
    '<figure><img src="https://x.ir/a-800x500.jpg" alt="بازار" /><figcaption>بازار بزرگ</figcaption></figure>',
  );
  assert.equal(removed.size, 0);
});

test('an old caption shortcode with the caption as an attribute works too', () => {
  const html = replaceShortcodes('[caption id="" caption="شرح عکس"]<img src="a.jpg" />[/caption]', new Set());
  assert.equal(html, '<figure><img src="a.jpg" /><figcaption>شرح عکس</figcaption></figure>');
});

test('unknown shortcodes are removed and named; the text they wrapped stays; bracketed words stay', () => {
  const removed = new Set<string>();
  const html = replaceShortcodes(
    '[su_note color="red"]مهم[/su_note] [contact-form-7 id="3"] [gallery] [sic] [1]',
    removed,
  );
  assert.equal(html, 'مهم   [sic] [1]');
  assert.deepEqual([...removed].sort(), ['contact-form-7', 'gallery', 'su_note']);
});

test('an embed becomes a link to what it embedded', () => {
  const html = replaceShortcodes('[embed]https://www.aparat.com/v/abc[/embed]', new Set());
  assert.equal(html, '<p><a href="https://www.aparat.com/v/abc">https://www.aparat.com/v/abc</a></p>');
});

test('broken markup is found: an end tag missing, crossed or stray', () => {
  assert.equal(findBrokenMarkup('<p>ok <strong>ok</strong></p><br><img src="a">'), undefined);
  assert.match(findBrokenMarkup('<p>متن <strong>پررنگ</p>') ?? '', /strong/);
  assert.match(findBrokenMarkup('متن</em>') ?? '', /stray <\/em>/);
  assert.match(findBrokenMarkup('<blockquote>نقل') ?? '', /never closed/);
});

test('a body keeps its headings, figures and captions through conversion and sanitizing', () => {
  const { html, warnings } = convertPostBody(
    'متن اول\n\n<h2>بخش دوم</h2>\n[caption width="600"]<img src="https://x.ir/a.jpg" alt="عکس" /> شرح[/caption]\n\n<script>alert(1)</script>',
  );
  const body = sanitizeBody(html).replace(/\n/g, '');
  assert.ok(body.includes('<p>متن اول</p>'));
  assert.ok(body.includes('<h2>بخش دوم</h2>'));
  assert.ok(
    body.includes('<figure><img src="https://x.ir/a.jpg" alt="عکس" /><figcaption>شرح</figcaption></figure>'),
  );
  assert.ok(!body.includes('script') && !body.includes('alert'));
  assert.deepEqual(warnings, ['removed by the sanitizer: <script>']);
});

test('block-editor content loses its comments and is not given extra paragraphs', () => {
  const { html } = convertPostBody(
    '<!-- wp:paragraph -->\n<p>یک</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>دو</p>\n<!-- /wp:paragraph -->',
  );
  assert.equal(html.trim().replace(/\s+/g, ' '), '<p>یک</p> <p>دو</p>');
});

test('Arabic yeh and kaf become Persian in text and alt, never in addresses', () => {
  const { html } = convertPostBody(
    '<p>بانك مركزي <a href="https://x.ir/كتاب">كتاب</a> <img src="https://x.ir/ي.jpg" alt="يك" /></p>',
  );
  assert.equal(
    html,
    '<p>بانک مرکزی <a href="https://x.ir/كتاب">کتاب</a> <img src="https://x.ir/ي.jpg" alt="یک" /></p>',
  );
});

test('pictures move to their new addresses with their size', () => {
  const images = new Map([
    ['https://x.ir/wp-content/uploads/a.jpg', { src: '/media/2024/11/k-960.jpg', width: 960, height: 640 }],
  ]);
  const { html } = convertPostBody(
    '<p><img class="wp-image-3" src="https://x.ir/wp-content/uploads/a.jpg" alt="الف" width="300" /></p>',
    images,
  );
  assert.equal(html, '<p><img src="/media/2024/11/k-960.jpg" alt="الف" width="960" height="640" /></p>');
});

test('text helpers decode entities, fold letters and cut at a word', () => {
  assert.equal(
    decodeEntities('A &amp; B &#8211; &#x6cc; &laquo;x&raquo; &unknown;'),
    'A & B – ی «x» &unknown;',
  );
  assert.equal(foldArabicLetters('علي كريمى'), 'علی کریمی');
  assert.equal(plainText('<p>گزارش <em>تازه</em>&nbsp;بانك</p>'), 'گزارش تازه بانک');
  assert.equal(cutText('یک دو سه چهار', 8), 'یک دو…');
});
