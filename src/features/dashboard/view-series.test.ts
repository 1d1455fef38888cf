import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dailySeries, hourlySeries, niceCeiling } from './view-series.js';

describe('hourlySeries', () => {
  it('gives 48 hourly points ending with the current hour, zeros where nobody read', () => {
    const now = new Date('2026-11-29T21:40:00Z');
    const series = hourlySeries(
      [
        { hour: '2026-11-29T21:00:00.000Z', views: 7 },
        { hour: '2026-11-29T03:00:00.000Z', views: 2 },
        { hour: '2026-11-20T03:00:00.000Z', views: 99 },
      ],
      now,
    );
    assert.equal(series.length, 48);
    assert.equal(series.at(-1)?.start.toISOString(), '2026-11-29T21:00:00.000Z');
    assert.equal(series.at(-1)?.views, 7);
    assert.equal(series[0]?.start.toISOString(), '2026-11-27T22:00:00.000Z');
    assert.equal(
      series.reduce((sum, p) => sum + p.views, 0),
      9,
    );
  });
});

describe('dailySeries', () => {
  it('sums hours into Tehran calendar days: 23:00 UTC is already the next day there', () => {
    const now = new Date('2026-11-29T21:40:00Z'); // 01:10 on 9 Azar in Tehran
    const series = dailySeries(
      [
        { hour: '2026-11-29T21:00:00.000Z', views: 5 }, // 00:30 on 9 Azar
        { hour: '2026-11-29T20:00:00.000Z', views: 3 }, // 23:30 on 8 Azar
        { hour: '2026-11-28T21:00:00.000Z', views: 1 }, // 00:30 on 8 Azar
      ],
      now,
      'Asia/Tehran',
    );
    assert.equal(series.length, 30);
    assert.equal(series.at(-1)?.start.toISOString(), '2026-11-29T20:30:00.000Z');
    assert.equal(series.at(-1)?.views, 5);
    assert.equal(series.at(-2)?.views, 4);
    assert.equal(series.at(-2)?.start.toISOString(), '2026-11-28T20:30:00.000Z');
  });
});

describe('niceCeiling', () => {
  it('rounds a maximum up to a readable scale', () => {
    assert.deepEqual([0, 3, 43, 87, 120, 999, 1001].map(niceCeiling), [4, 4, 50, 100, 200, 1000, 2000]);
  });
});
