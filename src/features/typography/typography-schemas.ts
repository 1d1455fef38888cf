import { Type } from '@sinclair/typebox';
import { typographyRules } from '../../platform/persian/typography.js';
import { maxTypographyChars } from './typography-service.js';

export const TypographyBody = Type.Object(
  {
    text: Type.String({
      description: `Plain text, at most ${maxTypographyChars} characters (a longer one is refused with 413 text_too_long).`,
    }),
  },
  { additionalProperties: false },
);

const TypographySuggestionJson = Type.Object({
  start: Type.Integer({
    minimum: 0,
    description: 'Offset in the text that was sent, in UTF-16 code units (JavaScript string indices).',
  }),
  end: Type.Integer({
    minimum: 0,
    description: 'Offset just after the span to replace, in the text that was sent.',
  }),
  replacement: Type.String(),
  rule: Type.String({
    description: `What the suggestion fixes: ${typographyRules.join(', ')}; several joined by "+" when one word needs more than one.`,
  }),
});

export const TypographyResultJson = Type.Object({
  text: Type.String({ description: 'The text with every suggestion applied.' }),
  suggestions: Type.Array(TypographySuggestionJson, {
    description: 'In text order, never overlapping; an empty list means nothing to fix.',
  }),
});

/** The newsroom editor sends its fields and paragraphs at once, each fixed on its own. */
export const TypographyBatchBody = Type.Object(
  { texts: Type.Array(Type.String(), { maxItems: 5000 }) },
  { additionalProperties: false },
);

export const TypographyBatchJson = Type.Object({ results: Type.Array(TypographyResultJson) });
