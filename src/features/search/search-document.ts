import { searchKey } from '../../platform/persian/search-key.js';
import { bodyText } from '../articles/article-body.js';
import type { SearchDocument } from './search-repository.js';
import type { SearchSource } from './search-source-repository.js';

/** The keys of one article: the title alone (it ranks first), the rest of its words, its writer. */
export function searchDocumentOf(source: SearchSource): SearchDocument {
  const words = [
    source.surtitle,
    source.lead,
    bodyText(source.body),
    source.tags.join(' '),
    source.sectionName,
    source.byline,
    source.authorName,
  ];
  return {
    articleId: source.id,
    public: source.state === 'published',
    publishedAt: source.publishedAt ?? source.createdAt,
    title: searchKey(source.title),
    document: searchKey(words.filter(Boolean).join(' \n ')),
    writer: searchKey(source.writerName ?? ''),
  };
}
