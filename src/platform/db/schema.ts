import type {
  ArticleGalleryTable,
  ArticleRendersTable,
  ArticleRevisionsTable,
  ArticlesTable,
  ArticleTagsTable,
  NewsCodeCounterTable,
} from '../../features/articles/article.table.js';
import type { AuthorsTable } from '../../features/authors/author.table.js';
import type { CommentSettingsTable, CommentsTable } from '../../features/comments/comment.table.js';
import type { CurationSlotsTable } from '../../features/curation/curation.table.js';
import type { ImportMappingsTable } from '../../features/import/import.table.js';
import type { ImagesTable } from '../../features/media/image.table.js';
import type { RedirectsTable } from '../../features/redirects/redirect.table.js';
import type { SectionsTable } from '../../features/sections/section.table.js';
import type { ArticleViewsHourlyTable } from '../../features/stats/view.table.js';
import type { TagAliasesTable, TagsTable } from '../../features/tags/tag.table.js';
import type { TelegramOutboxTable } from '../../features/telegram/telegram.table.js';
import type {
  ApiTokensTable,
  LoginThrottleTable,
  SessionsTable,
  UsersTable,
} from '../../features/users/user.table.js';

/** The whole schema as Kysely sees it; each table's shape lives in its feature. */
export interface Database {
  users: UsersTable;
  apiTokens: ApiTokensTable;
  sections: SectionsTable;
  authors: AuthorsTable;
  tags: TagsTable;
  images: ImagesTable;
  articles: ArticlesTable;
  newsCodeCounter: NewsCodeCounterTable;
  articleTags: ArticleTagsTable;
  articleGallery: ArticleGalleryTable;
  articleRenders: ArticleRendersTable;
  articleRevisions: ArticleRevisionsTable;
  curationSlots: CurationSlotsTable;
  articleViewsHourly: ArticleViewsHourlyTable;
  sessions: SessionsTable;
  loginThrottle: LoginThrottleTable;
  tagAliases: TagAliasesTable;
  comments: CommentsTable;
  commentSettings: CommentSettingsTable;
  telegramOutbox: TelegramOutboxTable;
  importMappings: ImportMappingsTable;
  redirects: RedirectsTable;
}
