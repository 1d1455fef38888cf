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
