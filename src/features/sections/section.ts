export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  position: number;
}

/** The sections a new site starts with, in menu order. */
export const defaultSections: readonly Omit<Section, 'id'>[] = [
  { slug: 'politics', name: 'سیاسی', description: 'اخبار سیاست داخلی، مجلس و دولت', position: 1 },
  { slug: 'economy', name: 'اقتصادی', description: 'بازار، بورس، انرژی و معیشت', position: 2 },
  { slug: 'society', name: 'اجتماعی', description: 'شهر، آموزش، سلامت و محیط زیست', position: 3 },
  { slug: 'culture', name: 'فرهنگی', description: 'سینما، کتاب، موسیقی و تئاتر', position: 4 },
  { slug: 'sport', name: 'ورزشی', description: 'فوتبال، والیبال، کشتی و دیگر رشته‌ها', position: 5 },
  { slug: 'world', name: 'بین‌الملل', description: 'رویدادهای منطقه و جهان', position: 6 },
  { slug: 'opinion', name: 'نگاه دوم', description: 'یادداشت، تحلیل و گفت‌وگو', position: 7 },
];

/** What the newsroom form sends for a section; all text, as typed. */
export interface SectionInput {
  name: string;
  slug: string;
  description: string;
}

export type MoveDirection = 'up' | 'down';

export function isMoveDirection(value: string): value is MoveDirection {
  return value === 'up' || value === 'down';
}

/**
 * The list with `item` swapped with its neighbour; unchanged when the item is
 * missing or already first (up) or last (down). Up means earlier in the list.
 */
export function moved<T>(items: readonly T[], item: T, direction: MoveDirection): T[] {
  const result = [...items];
  const from = result.indexOf(item);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= result.length) return result;
  [result[from], result[to]] = [result[to] as T, result[from] as T];
  return result;
}
