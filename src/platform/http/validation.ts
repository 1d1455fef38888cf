import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Query strings and path parameters arrive as text, so their schemas coerce
 * ("20" → 20). JSON bodies already carry types: coercing them would turn `null`
 * into "" and `123` into "123", hiding an integrator's mistake instead of
 * answering 400.
 */
export function registerValidation(app: FastifyInstance): void {
  const common = { useDefaults: true, removeAdditional: false, allErrors: false, strict: false } as const;
  const forText = new Ajv({ ...common, coerceTypes: 'array' });
  const forJson = new Ajv({ ...common, coerceTypes: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? forJson : forText).compile(schema),
  );
  // Fastify's own parser would turn bytes that are not UTF-8 into U+FFFD and store a headline of
  // «���» without a word; such a body is refused instead, then parsed by Fastify's parser as usual.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch (error) {
      done(new ValidationError('بدنهٔ درخواست UTF-8 معتبر نیست.', { cause: error }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
