import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TypographyBatchBody, TypographyBatchJson } from './typography-schemas.js';
import { suggestTypographyForEach } from './typography-service.js';

/**
 * The editor's «ویرایش نگارشی» asks here: the newsroom's session and CSRF token stand in for the API
 * token a browser does not have. Any signed-in member of the newsroom may ask; nothing is saved.
 */
export const typographyNewsroomRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/newsroom/typography',
    { schema: { body: TypographyBatchBody, response: { 200: TypographyBatchJson } } },
    async (request) => ({ results: suggestTypographyForEach(request.body.texts) }),
  );
};
