import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

const SectionListJson = Type.Object({
  items: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      description: Type.Union([Type.String(), Type.Null()]),
      url: Type.String(),
    }),
  ),
});

export const sectionApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sections, siteUrl } = app.services;
  app.get(
    '/sections',
    {
      schema: {
        summary: 'List sections in menu order',
        tags: ['sections'],
        response: { 200: SectionListJson },
      },
    },
    async () => ({
      items: (await sections.list()).map((s) => ({
        slug: s.slug,
        name: s.name,
        description: s.description,
        url: `${siteUrl}/section/${encodeURIComponent(s.slug)}`,
      })),
    }),
  );
};
