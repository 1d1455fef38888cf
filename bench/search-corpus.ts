// A deterministic corpus of Persian news-like text for the search bench: a few hundred common news
// words and tens of thousands of rarer made-up words drawn with a Zipf distribution, written the way
// news copy is (ZWNJ in verbs and plurals, compounds, Persian digits).

const ZWNJ = '\u200c';

const common = `دولت مجلس وزیر رئیس‌جمهور نخست‌وزیر ایران تهران اقتصاد بازار قیمت ارز دلار طلا نفت گاز برق آب
بانک مرکزی تورم بودجه لایحه طرح نماینده نمایندگان کمیسیون جلسه دیدار سفر گزارش خبرگزاری رسانه
شهرداری استان استاندار فرماندار مردم کشور جهان منطقه همکاری همکاری‌های توافق مذاکره هسته‌ای تحریم
ورزش فوتبال تیم ملی بازیکن مربی لیگ جام قهرمانی مسابقه ورزشگاه فرهنگ هنر کتاب سینما فیلم جشنواره
دانشگاه دانشجو مدرسه آموزش پرورش سلامت بیمارستان پزشک درمان واکسن کرونا بیماری محیط‌زیست هوا آلودگی
خودرو ایران‌خودرو سایپا تولید صادرات واردات گمرک کارخانه صنعت معدن کشاورزی گندم برنج زعفران پسته
مسکن اجاره خانه ساختمان زلزله سیل بارش بارندگی هواشناسی جاده پل قطار مترو فرودگاه پرواز هواپیما
پلیس دادگاه قاضی قوه قضاییه پرونده حکم زندان امنیت مرز ارتش سپاه دفاع جنگ صلح سازمان ملل اروپا
آمریکا روسیه چین عراق افغانستان ترکیه عربستان سوریه لبنان پاکستان هند ژاپن آلمان فرانسه انگلیس`.split(/\s+/);

const verbs = [
  'می‌کند',
  'می‌کنند',
  'نمی‌کند',
  'می‌شود',
  'نمی‌شود',
  'می‌گوید',
  'می‌رسد',
  'می‌دهد',
  'کرد',
  'شد',
  'است',
  'بود',
  'گفت',
  'دارد',
];
const glue = ['و', 'در', 'به', 'از', 'با', 'که', 'را', 'این', 'آن', 'برای', 'تا', 'هم'];
const syllables =
  'کا ری مه نو سا تر بد گل زا شی دو پر فر هن گا نی ود رس مان ستا لو پا جی خو ده ژو چه فا سو'.split(' ');

/** mulberry32: a tiny seeded generator, so every run writes the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const persianDigits = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d);

export interface CorpusArticle {
  surtitle: string;
  title: string;
  lead: string;
  body: string;
}

export interface Corpus {
  article(i: number): CorpusArticle;
  commonWords(n: number): string[];
  rareWords(n: number): string[];
  wordPairs(n: number): string[];
  gluedCompounds(n: number): string[];
  prefixes(n: number): string[];
}

export function makeCorpus(seed: number): Corpus {
  const rng = random(seed);
  const rare: string[] = [];
  const seen = new Set<string>(common);
  while (rare.length < 30_000) {
    const parts = 2 + Math.floor(rng() * 3);
    let word = '';
    for (let k = 0; k < parts; k++) word += syllables[Math.floor(rng() * syllables.length)];
    if (!seen.has(word)) {
      seen.add(word);
      rare.push(word);
    }
  }
  // Zipf over the made-up words: the k-th is drawn about 1/k as often as the first.
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 1; k <= rare.length; k++) {
    sum += 1 / k;
    cumulative.push(sum);
  }
  const zipf = (r: () => number) => {
    const x = r() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return rare[lo] ?? '';
  };

  function sentence(r: () => number, words: number): string {
    const out: string[] = [];
    for (let k = 0; k < words; k++) {
      const roll = r();
      if (roll < 0.3) out.push(glue[Math.floor(r() * glue.length)] ?? 'و');
      else if (roll < 0.6) out.push(common[Math.floor(r() * common.length)] ?? '');
      else if (roll < 0.65) out.push(`${zipf(r)}${ZWNJ}ها`);
      else if (roll < 0.68) out.push(persianDigits(Math.floor(r() * 1500)));
      else out.push(zipf(r));
    }
    out.push(verbs[Math.floor(r() * verbs.length)] ?? 'شد');
    return `${out.join(' ')}.`;
  }

  function pick<T>(r: () => number, list: readonly T[]): T {
    return list[Math.floor(r() * list.length)] as T;
  }

  return {
    article(i) {
      const r = random(seed ^ (i * 2654435761));
      const paragraphs: string[] = [];
      const count = 4 + Math.floor(r() * 3);
      for (let p = 0; p < count; p++) {
        paragraphs.push(
          `<p>${sentence(r, 18 + Math.floor(r() * 10))} ${sentence(r, 14 + Math.floor(r() * 10))}</p>`,
        );
      }
      return {
        surtitle: pick(r, common),
        title: sentence(r, 7 + Math.floor(r() * 5)).slice(0, -1),
        lead: sentence(r, 20 + Math.floor(r() * 12)),
        body: paragraphs.join(''),
      };
    },
    commonWords: (n) => Array.from({ length: n }, (_, k) => common[(k * 7) % common.length] ?? ''),
    // Ranks from 5 000 on are drawn once in tens of thousands of words.
    rareWords: (n) => Array.from({ length: n }, (_, k) => rare[5000 + k * 97] ?? ''),
    wordPairs: (n) =>
      Array.from({ length: n }, (_, k) => `${common[k % common.length]} ${rare[(k * 13) % 2000]}`),
    gluedCompounds: (n) =>
      Array.from({ length: n }, (_, k) => ['نخستوزیر', 'ایرانخودرو', 'محیطزیست', 'رئیسجمهور'][k % 4] ?? ''),
    prefixes: (n) =>
      Array.from({ length: n }, (_, k) => (common[(k * 11) % common.length] ?? '').slice(0, 2 + (k % 3))),
  };
}
