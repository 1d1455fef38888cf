import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import type { ArticleService } from '../articles/article-service.js';
import type { CurationService } from '../curation/curation-service.js';
import type { MediaService } from '../media/media-service.js';
import type { RedirectService } from '../redirects/redirect-service.js';
import type { SectionService } from '../sections/section-service.js';
import type { UserService } from '../users/user-service.js';
import type { ImportProgress } from './import-progress.js';
import type { ImportReporter } from './import-report.js';
import type { WxrCategory, WxrTag } from './wxr.js';

/** The services an import writes through, so it follows the newsroom's own rules. */
export interface ImportDeps {
  db: DB;
  clock: Clock;
  articles: Pick<ArticleService, 'create'>;
  sections: Pick<SectionService, 'list' | 'create'>;
  users: Pick<UserService, 'createUser' | 'setDisabled'>;
  media: Pick<MediaService, 'storeImage'>;
  curation: Pick<CurationService, 'addEditorPick'>;
  redirects: Pick<RedirectService, 'save'>;
}

export interface ImportOptions {
  file: string;
  /** The copy of wp-content/uploads; without it attachments keep their original addresses. */
  mediaDir?: string | undefined;
  /** Read, convert and report, writing nothing to the site. */
  dryRun: boolean;
  /** WordPress category slug (decoded) or name → an existing Khabar section slug. */
  categoryMap?: ReadonlyMap<string, string>;
  /** Aborting stops after the record in hand; a later run resumes. */
  signal?: AbortSignal | undefined;
  onProgress?: (progress: ImportProgress) => void;
}

/** Who wrote a post: the newsroom user (disabled) and the byline they became. */
export interface Writer {
  userId: number | null;
  name: string;
  authorSlug: string | null;
}

/** What one import run knows while it goes: the export's terms and people, and what they became. */
export interface ImportContext {
  deps: ImportDeps;
  options: ImportOptions;
  report: ImportReporter;
  /** The WordPress site, by host; mappings are kept per source. */
  source: string;
  blogUrl: string;
  categories: Map<string, WxrCategory>;
  categorySlugById: Map<string, string>;
  tags: Map<string, WxrTag>;
  writers: Map<string, Writer>;
  sectionOfCategory: Map<string, string>;
  ensuredTags: Set<string>;
}
