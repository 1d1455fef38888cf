import type { Migration } from 'kysely';
import * as usersAndTokens from './20261129T2000_users_and_tokens.js';
import * as sectionsAuthorsTagsImages from './20261129T2001_sections_authors_tags_images.js';
import * as articles from './20261129T2002_articles.js';
import * as curationAndViews from './20261129T2003_curation_and_views.js';
import * as newsroom from './20261129T2004_newsroom.js';
import * as comments from './20261129T2005_comments.js';
import * as search from './20261129T2006_search.js';
import * as distribution from './20261130T0001_distribution.js';
import * as wordpressImport from './20261130T0002_wordpress_import.js';
import * as searchSpeed from './20261130T0003_search_speed.js';
import * as tagRecencyIndex from './20261130T0004_tag_recency_index.js';
import * as searchRecentSqlite from './20261130T0005_search_recent_sqlite.js';
import * as searchRecentPrefixes from './20261130T0006_search_speed.js';
import * as searchPublicPrefix from './20261130T0007_search_public_prefix.js';
import * as articleRenders from './20261130T0008_article_renders.js';
import * as relatedVersions from './20261130T0009_related_versions.js';

/**
 * Every migration, by name. Listed statically (not read from the folder) so the
 * same list works from TypeScript sources and from the compiled dist/.
 */
export const migrations: Record<string, Migration> = {
  '20261129T2000_users_and_tokens': usersAndTokens,
  '20261129T2001_sections_authors_tags_images': sectionsAuthorsTagsImages,
  '20261129T2002_articles': articles,
  '20261129T2003_curation_and_views': curationAndViews,
  '20261129T2004_newsroom': newsroom,
  '20261129T2005_comments': comments,
  '20261129T2006_search': search,
  '20261130T0001_distribution': distribution,
  '20261130T0002_wordpress_import': wordpressImport,
  '20261130T0003_search_speed': searchSpeed,
  '20261130T0004_tag_recency_index': tagRecencyIndex,
  '20261130T0005_search_recent_sqlite': searchRecentSqlite,
  '20261130T0006_search_speed': searchRecentPrefixes,
  '20261130T0007_search_public_prefix': searchPublicPrefix,
  '20261130T0008_article_renders': articleRenders,
  '20261130T0009_related_versions': relatedVersions,
};
