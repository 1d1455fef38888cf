import type { FastifyInstance, FastifyReply } from 'fastify';
import { cachePage } from '../../platform/cache/page-cache-http.js';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
import { ValidationError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { toAsciiDigits } from '../../platform/persian/digits.js';
import type { Section } from '../sections/section.js';
import {
  dayPath,
  type JalaliMonth,
  monthPath,
  parseGregorianDate,
  parseJalaliDay,
  parseJalaliMonth,
  parseMonthQuery,
} from './archive-dates.js';
import { ArchiveDayPage } from './views/ArchiveDayPage.js';
import { ArchiveMonthPage } from './views/ArchiveMonthPage.js';

interface ArchiveQuerystring {
  /** A Gregorian date, 2024-01-27: answered with the Jalali day's address. */
  date?: string;
  /** A Jalali month, 1405-09: answered with the month's address. */
  month?: string;
  section?: string;
  page?: string;
}

function pageOf(value: string | undefined): number {
  if (value === undefined) return 1;
  const page = Number(toAsciiDigits(value));
  if (!/^\d{1,4}$/.test(toAsciiDigits(value)) || page < 1) throw new ValidationError('شمارهٔ صفحه درست نیست.');
  return page;
}

function moved(reply: FastifyReply, path: string): FastifyReply {
  reply.header('Cache-Control', 'public, max-age=60');
  return reply.redirect(path, 301);
}

/** `/archive`: a Jalali month calendar linking the days that have news, and each day's list. */
export async function archiveSiteRoutes(app: FastifyInstance): Promise<void> {
  const { archive, sections } = app.services;

  // The section select sends an empty value for "all sections".
  const sectionOf = async (slug: string | undefined): Promise<Section | undefined> =>
    slug ? sections.getBySlug(slug) : undefined;

  async function sendMonth(reply: FastifyReply, month: JalaliMonth, slug: string | undefined, path: string) {
    const section = await sectionOf(slug);
    const [site, calendar] = await Promise.all([app.siteContext(), archive.month(month, section?.id)]);
    // `/archive` is whatever month it is now, so it is also kept only a while.
    cachePage(reply, {
      tags: [pageTag.frame, pageTag.latest],
      ttlSeconds: path === '/archive' ? 60 : undefined,
    });
    return sendPage(
      reply,
      <ArchiveMonthPage site={site} calendar={calendar} section={section} path={path} />,
    );
  }

  app.get<{ Querystring: ArchiveQuerystring }>('/archive', async (request, reply) => {
    const { date, month, section } = request.query;
    if (date !== undefined) return moved(reply, dayPath(parseGregorianDate(date), { section }));
    if (month !== undefined) return moved(reply, monthPath(parseMonthQuery(month), { section }));
    return sendMonth(reply, archive.today(), section, '/archive');
  });

  app.get<{ Params: { year: string; month: string }; Querystring: ArchiveQuerystring }>(
    '/archive/:year/:month',
    async (request, reply) => {
      const { params, query } = request;
      const month = parseJalaliMonth(params.year, params.month);
      const path = monthPath(month);
      // Persian digits or «/archive/1402/9» reach the page at its one ASCII address.
      if (`/archive/${params.year}/${params.month}` !== path) {
        return moved(reply, monthPath(month, { section: query.section }));
      }
      return sendMonth(reply, month, query.section, path);
    },
  );

  app.get<{ Params: { year: string; month: string; day: string }; Querystring: ArchiveQuerystring }>(
    '/archive/:year/:month/:day',
    async (request, reply) => {
      const { params, query } = request;
      const day = parseJalaliDay(params.year, params.month, params.day);
      const page = pageOf(query.page);
      if (`/archive/${params.year}/${params.month}/${params.day}` !== dayPath(day)) {
        return moved(reply, dayPath(day, { section: query.section, page }));
      }
      const section = await sectionOf(query.section);
      const [site, list] = await Promise.all([
        app.siteContext(),
        archive.day(day, { sectionId: section?.id, page }),
      ]);
      cachePage(reply, { tags: [pageTag.frame, pageTag.latest, ...shownArticleTags(list.items)] });
      return sendPage(reply, <ArchiveDayPage site={site} list={list} section={section} />);
    },
  );
}
