import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

// Writes large, realistic WordPress exports for tests and measurements: the file is written as a
// stream, post by post, so a generator for a million posts needs no more memory than one for ten.

const words = [
  'تهران',
  'بازار',
  'اقتصاد',
  'مجلس',
  'دولت',
  'گزارش',
  'نرخ',
  'تورم',
  'بانک',
  'مرکزي',
  'ورزش',
  'فوتبال',
  'استقلال',
  'پرسپوليس',
  'فرهنگ',
  'سينما',
  'کتاب',
  'نمايشگاه',
  'آموزش',
  'مدرسه',
  'دانشگاه',
  'سلامت',
  'بيمارستان',
  'هوا',
  'آلودگي',
  'باران',
  'مترو',
  'خيابان',
  'جهان',
  'منطقه',
  'نفت',
  'صادرات',
  'گفت‌وگو',
];

const categories = [
  { id: 2, slug: '%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af%db%8c', name: 'اقتصادی' },
  { id: 3, slug: 'sport', name: 'ورزش' },
  { id: 4, slug: 'science', name: 'علم و فناوری' },
  { id: 5, slug: 'provinces', name: 'استان‌ها' },
];

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

function sentence(n: number, length: number): string {
  const picked: string[] = [];
  for (let i = 0; i < length; i++) picked.push(words[(n * 7 + i * 13) % words.length] as string);
  return `${picked.join(' ')}.`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function comment(postId: number, gmt: string, text: string): string {
  return `		<wp:comment>
			<wp:comment_id>${postId * 10}</wp:comment_id>
			<wp:comment_author>${cdata('خواننده')}</wp:comment_author>
			<wp:comment_date_gmt>${cdata(gmt)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(text)}</wp:comment_content>
			<wp:comment_approved>1</wp:comment_approved>
			<wp:comment_type>${cdata('comment')}</wp:comment_type>
			<wp:comment_parent>0</wp:comment_parent>
		</wp:comment>
`;
}

/** One published classic-editor post, numbered n, with a heading and two tags; every tenth has a comment. */
function post(n: number, site: string): string {
  const id = 1000 + n;
  const day = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000);
  const gmt = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(day.getUTCHours())}:${pad(day.getUTCMinutes())}:00`;
  const slug = `post-${n}`;
  const category = categories[n % categories.length] as (typeof categories)[number];
  const body = [0, 1, 2, 3].map((p) => sentence(n + p, 40)).join('\n\n');
  return `	<item>
		<title>${cdata(`${sentence(n, 6)} ${n}`)}</title>
		<link>${site}/${gmt.slice(0, 10).replaceAll('-', '/')}/${slug}/</link>
		<dc:creator>${cdata(`writer${n % 5}`)}</dc:creator>
		<guid isPermaLink="false">${site}/?p=${id}</guid>
		<content:encoded>${cdata(`${body}\n\n<h2>${sentence(n, 3)}</h2>\n${sentence(n + 9, 30)}`)}</content:encoded>
		<excerpt:encoded>${cdata(sentence(n + 5, 15))}</excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date>${cdata(gmt)}</wp:post_date>
		<wp:post_date_gmt>${cdata(gmt)}</wp:post_date_gmt>
		<wp:post_modified_gmt>${cdata(gmt)}</wp:post_modified_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:post_name>${cdata(slug)}</wp:post_name>
		<wp:status>${cdata('publish')}</wp:status>
		<wp:post_type>${cdata('post')}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<category domain="category" nicename="${category.slug}">${cdata(category.name)}</category>
		<category domain="post_tag" nicename="tag-${n % 50}">${cdata(`برچسب ${n % 50}`)}</category>
${n % 10 === 0 ? comment(id, gmt, sentence(n + 3, 12)) : ''}	</item>
`;
}

/** Writes a WXR export with `posts` published Persian posts by five authors in four categories. */
export async function writeGeneratedWxr(
  file: string,
  posts: number,
  site = 'https://big.example.ir',
): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>آرشیو بزرگ</title>
	<link>${site}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<wp:base_blog_url>${site}</wp:base_blog_url>
`);
  for (let w = 0; w < 5; w++) {
    await write(
      `	<wp:author><wp:author_id>${w + 1}</wp:author_id><wp:author_login>${cdata(`writer${w}`)}</wp:author_login><wp:author_email>${cdata(`writer${w}@big.example.ir`)}</wp:author_email><wp:author_display_name>${cdata(`نویسنده ${w}`)}</wp:author_display_name></wp:author>\n`,
    );
  }
  for (const c of categories) {
    await write(
      `	<wp:category><wp:term_id>${c.id}</wp:term_id><wp:category_nicename>${cdata(c.slug)}</wp:category_nicename><wp:category_parent>${cdata('')}</wp:category_parent><wp:cat_name>${cdata(c.name)}</wp:cat_name></wp:category>\n`,
    );
  }
  for (let n = 0; n < posts; n++) await write(post(n, site));
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'close');
}
