import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import {
  bodyFingerprint,
  type Comment,
  countLinks,
  isSameOrigin,
  linkSegments,
  normalizeBody,
  normalizeName,
  threadComments,
} from './comment.js';
import { CommentText } from './views/CommentText.js';

const site = 'https://khabar.test';

function comment(id: number, parentId: number | null, minute: number): Comment {
  return {
    id,
    articleId: 1,
    parentId,
    name: `n${id}`,
    email: null,
    body: `b${id}`,
    state: 'approved',
    isStaff: false,
    authorUserId: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 10, minute)),
    moderatedAt: null,
    moderatedBy: null,
  };
}

describe('comment text', () => {
  it('keeps line breaks and the Persian zero-width non-joiner, drops control characters and bidi overrides', () => {
    assert.equal(
      normalizeBody('  می‌خواهم\r\nخط دوم  \n\n\n\nخط سوم\u202e\u0007 '),
      'می‌خواهم\nخط دوم\n\nخط سوم',
    );
    assert.equal(normalizeName(' علی \n  رضایی\t'), 'علی رضایی');
  });

  it('treats copies that differ only in case, spacing or Arabic letters as the same text', () => {
    assert.equal(bodyFingerprint('Hello  كتاب\nيک'), bodyFingerprint('hello کتاب یک'));
    assert.notEqual(bodyFingerprint('یک'), bodyFingerprint('دو'));
  });

  it('counts web addresses with or without a scheme', () => {
    assert.equal(countLinks('a https://x.example b http://y.example/p?q=1 c www.z.example d x.example'), 3);
    assert.equal(countLinks('بدون پیوند'), 0);
  });

  it('splits a line into text and http(s) links, leaving closing punctuation outside the link', () => {
    assert.deepEqual(linkSegments('ببینید www.a.example/x، و javascript:alert(1)'), [
      { text: 'ببینید ' },
      { text: 'www.a.example/x', href: 'https://www.a.example/x' },
      { text: '، و javascript:alert(1)' },
    ]);
  });

  it('renders markup as text with <br> between lines, and links only when asked', () => {
    const body = '<img src=x onerror=alert(1)>\nhttps://a.example';
    const plain = render(<CommentText body={body} />);
    assert.equal(plain, '&lt;img src=x onerror=alert(1)><br/>https://a.example');
    const linked = render(<CommentText body={body} links />);
    assert.match(
      linked,
      /<a href="https:\/\/a\.example\/" rel="nofollow ugc noopener noreferrer" dir="ltr">/,
    );
    assert.ok(!linked.includes('<img'));
  });
});

describe('threads', () => {
  it('orders threads and replies oldest first and drops replies whose thread is not shown', () => {
    const threads = threadComments([
      comment(3, 1, 5),
      comment(2, null, 3),
      comment(1, null, 1),
      comment(4, 9, 6),
    ]);
    assert.deepEqual(
      threads.map((t) => [t.id, t.replies.map((r) => r.id)]),
      [
        [1, [3]],
        [2, []],
      ],
    );
  });
});

describe('the origin rule', () => {
  it('wants the site origin in Origin, else in Referer, else no cross-site Sec-Fetch-Site', () => {
    assert.equal(isSameOrigin({ origin: site }, site), true);
    assert.equal(isSameOrigin({ origin: 'null' }, site), false);
    assert.equal(isSameOrigin({ origin: 'https://khabar.test.evil.example' }, site), false);
    assert.equal(isSameOrigin({ referer: `${site}/news/1` }, site), true);
    assert.equal(isSameOrigin({ referer: 'not a url' }, site), false);
    assert.equal(isSameOrigin({}, site), true);
    assert.equal(isSameOrigin({ fetchSite: 'same-origin' }, site), true);
    assert.equal(isSameOrigin({ fetchSite: 'cross-site' }, site), false);
    assert.equal(isSameOrigin({ fetchSite: 'same-site' }, site), false);
  });
});
