import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../articles/article-schemas.js';
import { tokenRequired } from '../users/user-api-auth.js';
import { TypographyBody, TypographyResultJson } from './typography-schemas.js';
import { suggestTypography } from './typography-service.js';

export const typographyApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/typography',
    {
      onRequest: tokenRequired,
      schema: {
        summary: 'Typographic suggestions for Persian text (letters, digits, ZWNJ, punctuation)',
        description:
          'Conservative and idempotent: the returned text gets no suggestions when sent again. Offsets refer to the text sent.',
        tags: ['typography'],
        security: [{ bearer: [] }],
        body: TypographyBody,
        response: { 200: TypographyResultJson, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody },
      },
    },
    async (request) => suggestTypography(request.body.text),
  );
};
