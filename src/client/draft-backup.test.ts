import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backupFields, type DraftBackup, DraftStore, shouldOfferRestore } from './draft-backup.js';

const revision = '2026-11-29T21:00:00.000Z';

function backup(overrides: Partial<DraftBackup> = {}): DraftBackup {
  return {
    savedAt: '2026-11-29T21:05:00.000Z',
    baseRevision: revision,
    fields: [['title', 'تازه']],
    ...overrides,
  };
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('backupFields', () => {
  it('leaves out the token, the revision, the action and files', () => {
    const file = new File(['x'], 'a.jpg');
    const fields = backupFields([
      ['_csrf', 't'],
      ['revision', revision],
      ['title', 'تیتر'],
      ['action', 'save'],
      ['upload', file],
      ['tags', 'مجلس'],
    ]);
    assert.deepEqual(fields, [
      ['title', 'تیتر'],
      ['tags', 'مجلس'],
    ]);
  });
});

describe('shouldOfferRestore', () => {
  it('offers a backup taken on this revision that differs from the page', () => {
    assert.equal(shouldOfferRestore(backup(), [['title', 'کهنه']], revision), true);
  });

  it('does not offer a backup equal to the page', () => {
    assert.equal(shouldOfferRestore(backup(), [['title', 'تازه']], revision), false);
  });

  it('does not offer a backup older than a newer save on the server', () => {
    const stale = backup({ baseRevision: '2026-11-29T20:00:00.000Z', savedAt: '2026-11-29T20:30:00.000Z' });
    assert.equal(shouldOfferRestore(stale, [['title', 'کهنه']], revision), false);
  });

  it('offers any differing backup of a new article, which has no revision yet', () => {
    assert.equal(shouldOfferRestore(backup({ baseRevision: '' }), [['title', '']], ''), true);
  });
});

describe('DraftStore', () => {
  it('reads back what it wrote under the khabar: key and forgets it when removed', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage);
    store.write('article-123', backup());
    assert.ok(storage.getItem('khabar:article-123'));
    assert.deepEqual(store.read('article-123'), backup());
    store.remove('article-123');
    assert.equal(store.read('article-123'), null);
  });

  it('ignores a stored value that is not a backup', () => {
    const storage = memoryStorage();
    storage.setItem('khabar:article-1', '{"nope":1}');
    assert.equal(new DraftStore(storage).read('article-1'), null);
  });
});
