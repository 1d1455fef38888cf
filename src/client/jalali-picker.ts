import { toPersianDigits } from '../platform/persian/digits.js';
import {
  addDays,
  addMonths,
  formatDateInput,
  type JalaliDay,
  jalaliToday,
  monthGrid,
  normalizeTimeInput,
  parseDateInput,
  sameDay,
  weekdayNames,
  weekdayOf,
} from '../platform/persian/jalali-calendar.js';
import { h, uniqueId } from './dom.js';

// Arrow keys follow the page's direction: in RTL the earlier day is to the right.
const KEY_MOVES: Record<string, (day: JalaliDay) => JalaliDay> = {
  ArrowRight: (day) => addDays(day, -1),
  ArrowLeft: (day) => addDays(day, 1),
  ArrowUp: (day) => addDays(day, -7),
  ArrowDown: (day) => addDays(day, 7),
  PageUp: (day) => addMonths(day, -1),
  PageDown: (day) => addMonths(day, 1),
  Home: (day) => addDays(day, -weekdayOf(day)),
  End: (day) => addDays(day, 6 - weekdayOf(day)),
};

function dayLabel(day: JalaliDay): string {
  const { monthName } = monthGrid(day.year, day.month);
  return `${toPersianDigits(day.day)} ${monthName} ${toPersianDigits(day.year)}`;
}

/** Marks a typed value invalid unless it reads as a date (or time) and rewrites it in the standard form. */
function normalizeOnChange(input: HTMLInputElement, normalize: (text: string) => string | null): void {
  input.addEventListener('change', () => {
    if (input.value.trim() === '') {
      input.removeAttribute('aria-invalid');
      return;
    }
    const normalized = normalize(input.value);
    if (normalized === null) input.setAttribute('aria-invalid', 'true');
    else {
      input.removeAttribute('aria-invalid');
      input.value = normalized;
    }
  });
}

/**
 * Adds a Jalali month calendar beside a `[data-jalali-date]` text input. The input stays plain text
 * that the server parses; the calendar only writes «۱۴۰۵/۰۹/۰۸» into it. Keyboard: arrows move by day
 * and week, PageUp/PageDown by month, Home/End to the week's ends, Enter picks, Escape closes.
 */
export function enhanceDateInput(input: HTMLInputElement): void {
  normalizeOnChange(input, (text) => {
    const day = parseDateInput(text);
    return day === null ? null : formatDateInput(day);
  });
  const popupId = uniqueId('nr-calendar');
  const titleId = `${popupId}-title`;
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'nr-date-field__toggle',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-controls': popupId,
    },
    'تقویم',
  );
  toggle.setAttribute('aria-label', 'انتخاب تاریخ از تقویم');
  const title = h('p', { id: titleId, class: 'nr-calendar__title', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', class: 'nr-calendar__nav', 'aria-label': 'ماه قبل' }, '→');
  const next = h('button', { type: 'button', class: 'nr-calendar__nav', 'aria-label': 'ماه بعد' }, '←');
  const body = h('tbody');
  const grid = h(
    'table',
    { class: 'nr-calendar__grid', role: 'grid', 'aria-labelledby': titleId },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...weekdayNames.map(([short, full]) => h('th', { scope: 'col', abbr: full, title: full }, short)),
      ),
    ),
    body,
  );
  const todayButton = h('button', { type: 'button', class: 'nr-button' }, 'امروز');
  const popup = h(
    'div',
    {
      id: popupId,
      class: 'nr-calendar',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': titleId,
      hidden: true,
    },
    h('div', { class: 'nr-calendar__head' }, previous, title, next),
    grid,
    h('div', { class: 'nr-calendar__foot' }, todayButton),
  );
  const wrapper = h('span', { class: 'nr-date-field' });
  input.before(wrapper);
  wrapper.append(input, toggle, popup);

  let focused: JalaliDay = jalaliToday(new Date());

  const render = () => {
    const today = jalaliToday(new Date());
    const selected = parseDateInput(input.value);
    const month = monthGrid(focused.year, focused.month);
    title.textContent = `${month.monthName} ${toPersianDigits(month.year)}`;
    body.replaceChildren(
      ...month.weeks.map((week) =>
        h(
          'tr',
          {},
          ...week.map((dayNumber) => {
            if (dayNumber === null) return h('td', { role: 'gridcell', class: 'nr-calendar__pad' });
            const day = { year: month.year, month: month.month, day: dayNumber };
            const isSelected = selected !== null && sameDay(day, selected);
            const button = h(
              'button',
              {
                type: 'button',
                class: 'nr-calendar__day',
                tabindex: sameDay(day, focused) ? 0 : -1,
                'aria-label': dayLabel(day),
                'aria-current': sameDay(day, today) ? 'date' : null,
                'aria-pressed': String(isSelected),
                'data-day': dayNumber,
              },
              toPersianDigits(dayNumber),
            );
            return h('td', { role: 'gridcell', 'aria-selected': String(isSelected) }, button);
          }),
        ),
      ),
    );
  };
  const focusDay = (day: JalaliDay) => {
    focused = day;
    render();
    body.querySelector<HTMLButtonElement>(`[data-day="${day.day}"]`)?.focus();
  };
  const open = () => {
    focused = parseDateInput(input.value) ?? jalaliToday(new Date());
    popup.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    focusDay(focused);
  };
  const close = (returnFocus: boolean) => {
    if (popup.hidden) return;
    popup.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (returnFocus) toggle.focus();
  };
  const pick = (day: JalaliDay) => {
    input.value = formatDateInput(day);
    input.removeAttribute('aria-invalid');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    close(false);
    input.focus();
  };

  toggle.addEventListener('click', () => (popup.hidden ? open() : close(true)));
  previous.addEventListener('click', () => focusDay(addMonths(focused, -1)));
  next.addEventListener('click', () => focusDay(addMonths(focused, 1)));
  todayButton.addEventListener('click', () => pick(jalaliToday(new Date())));
  body.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-day]');
    if (button) pick({ ...focused, day: Number(button.dataset.day) });
  });
  grid.addEventListener('keydown', (event) => {
    const move = KEY_MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    // Shift with PageUp/PageDown moves a whole year, as in the ARIA date picker example.
    const step =
      event.shiftKey && event.key.startsWith('Page')
        ? (day: JalaliDay) => addMonths(day, event.key === 'PageUp' ? -12 : 12)
        : move;
    focusDay(step(focused));
  });
  popup.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    // Inside the article form Escape must not also close an enclosing dialog.
    event.stopPropagation();
    close(true);
  });
  document.addEventListener('mousedown', (event) => {
    if (!wrapper.contains(event.target as Node)) close(false);
  });
  wrapper.addEventListener('focusout', (event) => {
    if (event.relatedTarget instanceof Node && !wrapper.contains(event.relatedTarget)) close(false);
  });
}

/** Tidies a `[data-time]` input on change: «9:5» → «۰۹:۰۵»; something unreadable is marked invalid. */
export function enhanceTimeInput(input: HTMLInputElement): void {
  normalizeOnChange(input, normalizeTimeInput);
}
