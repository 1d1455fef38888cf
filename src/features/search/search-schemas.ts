import { type Static, Type } from '@sinclair/typebox';
import { articleKinds } from '../articles/article.js';

const jalaliDate = (description: string) =>
  Type.String({ maxLength: 20, description: `${description}, Jalali, e.g. 1405/09/01 or ۱۴۰۵/۰۹/۰۱` });

export const SearchQuerystring = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'what the reader typed, in any spelling' }),
    section: Type.Optional(Type.String({ maxLength: 60, description: 'section slug' })),
    kind: Type.Optional(Type.Union(articleKinds.map((k) => Type.Literal(k)))),
    from: Type.Optional(jalaliDate('first day, included')),
    to: Type.Optional(jalaliDate('last day, included')),
    sort: Type.Optional(
      Type.Union([Type.Literal('relevance'), Type.Literal('newest')], { default: 'relevance' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
    cursor: Type.Optional(
      Type.String({
        maxLength: 300,
        description: 'nextCursor of the previous page, with the same q, filters and sort',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SearchQuerystring = Static<typeof SearchQuerystring>;

export const SearchResultsJson = Type.Object({
  total: Type.Integer({
    description: 'how many published items match, across all pages; counting stops at 300 (see totalCapped)',
  }),
  totalCapped: Type.Boolean({
    description:
      'true when more items match than total says: total is then the cap, shown as «بیش از ۳۰۰»; relevance order ranks the newest 300 matches (and title matches), newest order reaches every match',
  }),
  items: Type.Array(
    Type.Object({
      newsCode: Type.Integer(),
      title: Type.String(),
      url: Type.String(),
      snippet: Type.String({
        description:
          'HTML: a passage of the text with every other character escaped and the matched words in <mark>',
      }),
      publishedAt: Type.String(),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const SuggestQuerystring = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const SuggestJson = Type.Object({
  items: Type.Array(Type.Object({ newsCode: Type.Integer(), title: Type.String(), url: Type.String() })),
});
