import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finishedTags, lastTag, replaceLastTag } from './tag-list.js';

describe('lastTag', () => {
  it('returns the text after the last Persian or Latin comma', () => {
    assert.equal(lastTag('مجلس، بودجه, انتخا'), 'انتخا');
  });

  it('returns the whole value when there is no comma', () => {
    assert.equal(lastTag('  مجل '), 'مجل');
  });

  it('returns an empty string right after a comma', () => {
    assert.equal(lastTag('مجلس، '), '');
  });
});

describe('finishedTags', () => {
  it('lists the tags before the last comma without empties', () => {
    assert.deepEqual(finishedTags('مجلس،، بودجه, انت'), ['مجلس', 'بودجه']);
  });

  it('is empty while the first tag is being typed', () => {
    assert.deepEqual(finishedTags('مجل'), []);
  });
});

describe('replaceLastTag', () => {
  it('replaces the tag being typed and appends a Persian comma', () => {
    assert.equal(replaceLastTag('مجلس، بو', 'بودجه'), 'مجلس، بودجه، ');
  });

  it('works on the first tag', () => {
    assert.equal(replaceLastTag('بو', 'بودجه'), 'بودجه، ');
  });

  it('keeps a Latin comma typed before', () => {
    assert.equal(replaceLastTag('مجلس,بو', 'بودجه'), 'مجلس, بودجه، ');
  });
});
