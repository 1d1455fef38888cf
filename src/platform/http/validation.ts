import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';

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
}
