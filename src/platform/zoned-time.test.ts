import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoWithOffset, utcOffsetMinutes } from './zoned-time.js';

describe('zoned ISO instants', () => {
  it('writes a Tehran instant with +03:30 after daylight saving ended there', () => {
    assert.equal(isoWithOffset(new Date('2024-01-27T08:55:00Z'), 'Asia/Tehran'), '2024-01-27T12:25:00+03:30');
    assert.equal(isoWithOffset(new Date('2024-07-01T08:55:00Z'), 'Asia/Tehran'), '2024-07-01T12:25:00+03:30');
  });

  it('follows the zone rules of the instant: Tehran kept daylight saving until 2022', () => {
    assert.equal(utcOffsetMinutes(new Date('2021-07-01T00:00:00Z'), 'Asia/Tehran'), 270);
    assert.equal(isoWithOffset(new Date('2021-07-01T08:55:00Z'), 'Asia/Tehran'), '2021-07-01T13:25:00+04:30');
  });

  it('writes negative offsets, UTC and the local date across midnight', () => {
    assert.equal(
      isoWithOffset(new Date('2024-01-27T02:00:00Z'), 'America/New_York'),
      '2024-01-26T21:00:00-05:00',
    );
    assert.equal(isoWithOffset(new Date('2024-01-27T02:00:00.900Z'), 'UTC'), '2024-01-27T02:00:00+00:00');
    assert.equal(isoWithOffset(new Date('2024-01-27T21:00:00Z'), 'Asia/Tehran'), '2024-01-28T00:30:00+03:30');
  });
});
