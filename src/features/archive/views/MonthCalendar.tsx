import { toPersianDigits } from '../../../platform/persian/digits.js';
import { jalaliMonthName } from '../../../platform/persian/jalali.js';
import { weekdayNames as weekdays } from '../../../platform/persian/jalali-calendar.js';
import { dayPath, jalaliMonthText } from '../archive-dates.js';
import type { ArchiveMonth } from '../archive-service.js';

/**
 * A Jalali month as a table, Saturday first. Days with news link to their list and
 * say how many items they hold; the others are plain numbers.
 */
export function MonthCalendar({
  calendar,
  section,
}: {
  calendar: ArchiveMonth;
  section?: string | undefined;
}) {
  const { year, month } = calendar;
  const monthName = jalaliMonthName(month);
  return (
    <table class="calendar">
      <caption>{jalaliMonthText(calendar)}</caption>
      <thead>
        <tr>
          {weekdays.map(([short, name]) => (
            <th key={name} scope="col">
              <span aria-hidden="true">{short}</span>
              <span class="visually-hidden">{name}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {calendar.weeks.map((week, w) => (
          <tr key={w}>
            {week.map((cell, i) => {
              if (!cell) return <td key={`pad${i}`} class="calendar__pad" />;
              const day = toPersianDigits(cell.day);
              const count = `${toPersianDigits(cell.count)} خبر`;
              return (
                <td
                  key={cell.day}
                  class={cell.isToday ? 'calendar__today' : undefined}
                  aria-current={cell.isToday ? 'date' : undefined}
                >
                  {cell.count > 0 ? (
                    <a
                      href={dayPath({ year, month, day: cell.day }, { section })}
                      title={count}
                      aria-label={`${day} ${monthName}: ${count}`}
                    >
                      {day}
                    </a>
                  ) : (
                    <span>{day}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
