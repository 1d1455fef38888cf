import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatJalaliDate, formatJalaliDateTime, formatTime } from '../../../platform/persian/jalali.js';
import { niceCeiling, type SeriesPoint } from '../view-series.js';

export interface ViewsChartProps {
  id: string;
  title: string;
  points: SeriesPoint[];
  /** Hourly bars are labelled with times, daily bars with Jalali dates. */
  unit: 'hour' | 'day';
  timeZone: string;
}

const width = 720;
const height = 220;
const pad = { top: 12, bottom: 44, start: 8, end: 48 };

function dayLabel(date: Date, timeZone: string): string {
  // «۰۸ آذر ۱۴۰۵» without the year: the year is in the table under the chart.
  return formatJalaliDate(date, timeZone).split(' ').slice(0, 2).join(' ');
}

/**
 * A bar chart drawn on the server as SVG: no chart library, no script, no
 * third-party request. Time runs from right to left, as Persian text does; the
 * numbers under it are in a table for screen readers and for anyone who wants them.
 */
export function ViewsChart({ id, title, points, unit, timeZone }: ViewsChartProps) {
  const max = niceCeiling(Math.max(0, ...points.map((p) => p.views)));
  const plotWidth = width - pad.start - pad.end;
  const plotHeight = height - pad.top - pad.bottom;
  const slot = plotWidth / Math.max(points.length, 1);
  const barWidth = Math.max(1, slot * 0.7);
  // Right to left: the first (oldest) point sits at the right edge of the plot.
  const xOf = (index: number) => pad.start + plotWidth - (index + 1) * slot + (slot - barWidth) / 2;
  const yOf = (views: number) => pad.top + plotHeight - (views / max) * plotHeight;
  const labelEvery = unit === 'hour' ? 6 : 5;
  const label = (p: SeriesPoint) =>
    unit === 'hour' ? formatTime(p.start, timeZone) : dayLabel(p.start, timeZone);
  const total = points.reduce((sum, p) => sum + p.views, 0);
  return (
    <figure class="nr-chart">
      <figcaption id={`${id}-title`} class="nr-chart__title">
        {title} — جمع: {toPersianDigits(total)} بازدید
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        class="nr-chart__svg"
      >
        <title>{title}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={pad.start}
              x2={width - pad.end}
              y1={yOf(max * f)}
              y2={yOf(max * f)}
              class="nr-chart__grid"
            />
            <text x={width - pad.end + 6} y={yOf(max * f) + 4} class="nr-chart__axis" text-anchor="start">
              {toPersianDigits(Math.round(max * f))}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <rect
            key={p.start.getTime()}
            x={xOf(i)}
            y={yOf(p.views)}
            width={barWidth}
            height={Math.max(0, pad.top + plotHeight - yOf(p.views))}
            class="nr-chart__bar"
          >
            <title>{`${label(p)}: ${toPersianDigits(p.views)}`}</title>
          </rect>
        ))}
        {points.map((p, i) =>
          (points.length - 1 - i) % labelEvery === 0 ? (
            <text
              key={`l${p.start.getTime()}`}
              x={xOf(i) + barWidth / 2}
              y={height - pad.bottom + 18}
              class="nr-chart__axis"
              text-anchor="middle"
            >
              {label(p)}
            </text>
          ) : null,
        )}
      </svg>
      <details class="nr-chart__data">
        <summary>جدول داده‌ها</summary>
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{unit === 'hour' ? 'ساعت' : 'روز'}</th>
              <th scope="col">بازدید</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p) => (
              <tr key={p.start.getTime()}>
                <td>
                  {unit === 'hour'
                    ? formatJalaliDateTime(p.start, timeZone)
                    : formatJalaliDate(p.start, timeZone)}
                </td>
                <td>{toPersianDigits(p.views)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
