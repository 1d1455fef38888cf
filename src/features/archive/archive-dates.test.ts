import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../platform/errors.js';
import {
  dayPath,
  jalaliDayText,
  monthPath,
  neighbourMonth,
  parseGregorianDate,
  parseJalaliDay,
  parseJalaliMonth,
  parseMonthQuery,
} from './archive-dates.js';

describe('archive dates', () => {
  it('reads a Jalali day in Latin or Persian digits', () => {
    assert.deepEqual(parseJalaliDay('1402', '11', '07'), { year: 1402, month: 11, day: 7 });
    assert.deepEqual(parseJalaliDay('۱۴۰۲', '۱۱', '۷'), { year: 1402, month: 11, day: 7 });
    assert.deepEqual(
      parseJalaliDay('1403', '12', '30'),
      { year: 1403, month: 12, day: 30 },
      '1403 is a leap year',
    );
  });

  it('refuses days that are not in the calendar, and anything but digits', () => {
    for (const [y, m, d] of [
      ['1402', '13', '40'],
      ['1402', '12', '30'],
      ['1402', '07', '31'],
      ['1402', '00', '10'],
      ['14o2', '11', '07'],
      ['1402', '11', '7a'],
      ['402', '11', '07'],
      ['1100', '01', '01'],
    ] as const) {
      assert.throws(() => parseJalaliDay(y, m, d), ValidationError, `${y}/${m}/${d}`);
    }
  });

  it('reads months from the path and from ?month=', () => {
    assert.deepEqual(parseJalaliMonth('1405', '9'), { year: 1405, month: 9 });
    assert.deepEqual(parseMonthQuery('1405-09'), { year: 1405, month: 9 });
    assert.deepEqual(parseMonthQuery('۱۴۰۵/۰۹'), { year: 1405, month: 9 });
    for (const bad of ['1405-13', '1405', 'x', '1405-09-01']) {
      assert.throws(() => parseMonthQuery(bad), ValidationError, bad);
    }
  });

  it('turns a Gregorian date into the Jalali day of the same date, refusing impossible ones', () => {
    assert.deepEqual(parseGregorianDate('2024-01-27'), { year: 1402, month: 11, day: 7 });
    assert.deepEqual(parseGregorianDate('2024-03-20'), { year: 1403, month: 1, day: 1 });
    for (const bad of ['2024-02-30', '2023-02-29', '2024-1-27', '27-01-2024', '2024-13-01', '']) {
      assert.throws(() => parseGregorianDate(bad), ValidationError, bad);
    }
  });

  it('writes one ASCII address per page, with the filters that narrow it', () => {
    assert.equal(dayPath({ year: 1402, month: 11, day: 7 }), '/archive/1402/11/07');
    assert.equal(
      dayPath({ year: 1402, month: 11, day: 7 }, { section: 'politics', page: 2 }),
      '/archive/1402/11/07?section=politics&page=2',
    );
    assert.equal(dayPath({ year: 1402, month: 11, day: 7 }, { page: 1 }), '/archive/1402/11/07');
    assert.equal(monthPath({ year: 1405, month: 9 }, { section: 'sport' }), '/archive/1405/09?section=sport');
    assert.equal(jalaliDayText({ year: 1402, month: 11, day: 7 }), '۰۷ بهمن ۱۴۰۲');
  });

  it('steps across the new year', () => {
    assert.deepEqual(neighbourMonth({ year: 1402, month: 12 }, 1), { year: 1403, month: 1 });
    assert.deepEqual(neighbourMonth({ year: 1403, month: 1 }, -1), { year: 1402, month: 12 });
  });
});
