import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  formatDateInput,
  monthGrid,
  normalizeTimeInput,
  parseDateInput,
  weekdayOf,
} from './jalali-calendar.js';

describe('weekdayOf', () => {
  it('puts 1 Farvardin 1403 on a Wednesday (the fifth day of a Saturday-first week)', () => {
    assert.equal(weekdayOf({ year: 1403, month: 1, day: 1 }), 4);
  });
});

describe('monthGrid', () => {
  it('gives Esfand of the leap year 1403 thirty days', () => {
    assert.equal(monthGrid(1403, 12).daysInMonth, 30);
  });

  it('gives Esfand 1404 twenty-nine days', () => {
    assert.equal(monthGrid(1404, 12).daysInMonth, 29);
  });

  it('pads the first week up to the weekday of the first day', () => {
    const grid = monthGrid(1403, 1);
    assert.deepEqual(grid.weeks[0], [null, null, null, null, 1, 2, 3]);
    assert.equal(grid.monthName, 'فروردین');
  });

  it('lays every day out once in full weeks of seven', () => {
    const grid = monthGrid(1405, 9);
    assert.ok(grid.weeks.every((week) => week.length === 7));
    assert.deepEqual(
      grid.weeks.flat().filter((day) => day !== null),
      Array.from({ length: grid.daysInMonth }, (_, i) => i + 1),
    );
  });
});

describe('addDays and addMonths', () => {
  it('crosses from the last day of Esfand into Farvardin', () => {
    assert.deepEqual(addDays({ year: 1403, month: 12, day: 30 }, 1), { year: 1404, month: 1, day: 1 });
  });

  it('moves back a week across a month boundary', () => {
    assert.deepEqual(addDays({ year: 1405, month: 7, day: 3 }, -7), { year: 1405, month: 6, day: 27 });
  });

  it('clamps the day when the target month is shorter', () => {
    assert.deepEqual(addMonths({ year: 1403, month: 6, day: 31 }, 1), { year: 1403, month: 7, day: 30 });
  });

  it('moves back across a year', () => {
    assert.deepEqual(addMonths({ year: 1405, month: 1, day: 10 }, -1), { year: 1404, month: 12, day: 10 });
  });
});

describe('parseDateInput and formatDateInput', () => {
  it('reads Persian digits and pads when writing', () => {
    const date = parseDateInput('۱۴۰۵/۹/۸');
    assert.deepEqual(date, { year: 1405, month: 9, day: 8 });
    assert.equal(formatDateInput({ year: 1405, month: 9, day: 8 }), '۱۴۰۵/۰۹/۰۸');
  });

  it('reads Latin digits with dashes', () => {
    assert.deepEqual(parseDateInput(' 1405-09-08 '), { year: 1405, month: 9, day: 8 });
  });

  it('refuses a day the month does not have', () => {
    assert.equal(parseDateInput('۱۴۰۴/۱۲/۳۰'), null);
    assert.equal(parseDateInput('فردا'), null);
  });
});

describe('normalizeTimeInput', () => {
  it('pads and writes Persian digits', () => {
    assert.equal(normalizeTimeInput('9:5'), '۰۹:۰۵');
    assert.equal(normalizeTimeInput('۱۴:۳۰'), '۱۴:۳۰');
    assert.equal(normalizeTimeInput('1430'), '۱۴:۳۰');
  });

  it('refuses times that do not exist', () => {
    assert.equal(normalizeTimeInput('24:00'), null);
    assert.equal(normalizeTimeInput('12:60'), null);
    assert.equal(normalizeTimeInput('ظهر'), null);
  });
});
