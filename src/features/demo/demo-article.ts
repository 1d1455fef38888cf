import type { ArticleKind } from '../articles/article.js';

export type DemoAuthorSlug =
  | 'maryam-rahimi'
  | 'ali-tehrani'
  | 'sara-karimi'
  | 'reza-ahmadi'
  | 'neda-jafari'
  | 'hamid-mousavi';

/** One article of the demo site, written for Khabar; images are drawn when it is seeded. */
export interface DemoArticle {
  section: 'politics' | 'economy' | 'society' | 'culture' | 'sport' | 'world' | 'opinion';
  kind: ArticleKind;
  surtitle?: string;
  title: string;
  lead: string;
  body: string;
  tags: string[];
  author: DemoAuthorSlug;
  byline?: string;
  source?: string;
  /** Publish time relative to seeding, so the demo always looks current. */
  hoursAgo: number;
  coverCaption: string;
  gallery?: string[];
}

/** The demo newsroom's reporters; fictional people. */
export const demoAuthors: readonly { slug: DemoAuthorSlug; name: string; bio: string }[] = [
  { slug: 'maryam-rahimi', name: 'مریم رحیمی', bio: 'خبرنگار سرویس سیاسی' },
  { slug: 'ali-tehrani', name: 'علی تهرانی', bio: 'دبیر سرویس اقتصادی' },
  { slug: 'sara-karimi', name: 'سارا کریمی', bio: 'خبرنگار سرویس اجتماعی' },
  { slug: 'reza-ahmadi', name: 'رضا احمدی', bio: 'خبرنگار سرویس ورزشی' },
  { slug: 'neda-jafari', name: 'ندا جعفری', bio: 'خبرنگار سرویس فرهنگی' },
  { slug: 'hamid-mousavi', name: 'حمید موسوی', bio: 'دبیر سرویس بین‌الملل' },
];
