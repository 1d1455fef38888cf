import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../platform/clock.js';
import { createRepeatViewFilter } from './repeat-view-filter.js';

const reader = { ip: '203.0.113.5', userAgent: 'Mozilla/5.0 (Android 14) Mobile Safari/537.36' };
const minute = 60_000;

describe('repeat-view filter', () => {
  it('counts a reader once per article within 30 minutes of the counted view', () => {
    const clock = fixedClock(new Date('2025-03-10T09:00:00Z'));
    const filter = createRepeatViewFilter({ clock });
    assert.equal(filter.shouldCount(1, reader), true);
    clock.advance(29 * minute);
    assert.equal(filter.shouldCount(1, reader), false);
    assert.equal(filter.shouldCount(2, reader), true, 'another article');
    clock.advance(minute);
    assert.equal(filter.shouldCount(1, reader), true, '30 minutes after the counted view');
  });

  it('tells readers apart by address and by user agent, and treats a missing user agent as one more', () => {
    const filter = createRepeatViewFilter({ clock: fixedClock(new Date('2025-03-10T09:00:00Z')) });
    assert.equal(filter.shouldCount(1, reader), true);
    assert.equal(filter.shouldCount(1, { ...reader, ip: '203.0.113.6' }), true);
    assert.equal(filter.shouldCount(1, { ...reader, userAgent: 'Mozilla/5.0 (iPad)' }), true);
    assert.equal(filter.shouldCount(1, { ...reader, userAgent: undefined }), true);
    assert.equal(filter.shouldCount(1, { ...reader, userAgent: undefined }), false);
  });

  it('forgets expired readers as new ones come, so memory follows the last half hour', () => {
    const clock = fixedClock(new Date('2025-03-10T09:00:00Z'));
    const filter = createRepeatViewFilter({ clock });
    for (let i = 0; i < 100; i++) filter.shouldCount(i, reader);
    clock.advance(31 * minute);
    filter.shouldCount(1000, reader);
    assert.equal(filter.size, 1);
  });

  it('at the cap forgets the oldest reader first, which may then be counted again', () => {
    const clock = fixedClock(new Date('2025-03-10T09:00:00Z'));
    const filter = createRepeatViewFilter({ clock, maxEntries: 3 });
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
      assert.equal(filter.shouldCount(7, { ...reader, ip }), true);
      clock.advance(1000);
    }
    assert.equal(filter.size, 3);
    assert.equal(filter.shouldCount(7, { ...reader, ip: '10.0.0.4' }), false, 'the newest is remembered');
    assert.equal(filter.shouldCount(7, { ...reader, ip: '10.0.0.1' }), true, 'the oldest was forgotten');
    assert.equal(filter.size, 3);
  });

  it('starts a new key and an empty memory at UTC midnight', () => {
    const clock = fixedClock(new Date('2025-03-10T23:50:00Z'));
    const filter = createRepeatViewFilter({ clock });
    filter.shouldCount(1, reader);
    clock.advance(15 * minute);
    assert.equal(filter.shouldCount(1, reader), true, 'yesterday’s hash cannot be linked to today’s');
    assert.equal(filter.size, 1);
  });
});
