import type { DB } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { ArticleSummary } from '../articles/article.js';
import type { ArticleService } from '../articles/article-service.js';
import { type MoveDirection, moved } from '../sections/section.js';
import type { Actor } from '../users/user.js';
import { canCurate } from './curation-policy.js';
import {
  type CurationSlot,
  listPublishedInSlot,
  replaceSlot,
  searchPublishedIds,
} from './curation-repository.js';

export interface CurationServiceDeps {
  db: DB;
  articles: Pick<ArticleService, 'listPublished' | 'publishedSummaries'>;
  events: EventBus;
}

/** The home page has room for this many editor's picks. */
export const maxEditorPicks = 8;
const candidateCount = 30;

export interface CurationDesk {
  /** The desk's chosen top story; null when the home page falls back to the latest news. */
  topStory: ArticleSummary | null;
  editorPicks: ArticleSummary[];
  /** The latest published articles, or those matching the search. */
  candidates: ArticleSummary[];
}

/** Arabic ي and ك typed in a search meet the Persian letters titles are written with. */
function searchText(query: string): string {
  return query.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\s+/g, ' ').trim();
}

/**
 * The desk's control of the home page: the top story (تیتر یک) and the ordered
 * editor's picks (پیشنهاد سردبیر). Every change announces `curation.changed`
 * so caches of the home page can be dropped; the home page itself reads the
 * slots on each request, so changes are live at once.
 */
export function createCurationService({ db, articles, events }: CurationServiceDeps) {
  function authorize(actor: Actor): void {
    if (!canCurate(actor))
      throw new ForbiddenError('انتخاب تیتر یک و پیشنهادهای سردبیر فقط با دبیران و مدیران است.');
  }

  async function requirePublished(articleId: number): Promise<ArticleSummary> {
    const [article] = Number.isSafeInteger(articleId) ? await articles.publishedSummaries([articleId]) : [];
    if (!article) {
      throw new ValidationError('فقط خبرهای منتشرشده را می‌توان در صفحهٔ نخست گذاشت؛ این خبر منتشرشده نیست.');
    }
    return article;
  }

  /** Rewrites a slot from its current published items, in one transaction, then announces it. */
  async function change(slot: CurationSlot, next: (current: number[]) => number[]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await replaceSlot(trx, slot, next(await listPublishedInSlot(trx, slot)));
    });
    events.emit('curation.changed', { slot });
  }

  return {
    async desk(actor: Actor, query: string): Promise<CurationDesk> {
      authorize(actor);
      const text = searchText(query);
      const [topIds, pickIds, candidates] = await Promise.all([
        listPublishedInSlot(db, 'topStory'),
        listPublishedInSlot(db, 'editorPick'),
        text
          ? searchPublishedIds(db, text, candidateCount).then((ids) => articles.publishedSummaries(ids))
          : articles.listPublished({ limit: candidateCount }),
      ]);
      const [[topStory], editorPicks] = await Promise.all([
        articles.publishedSummaries(topIds.slice(0, 1)),
        articles.publishedSummaries(pickIds),
      ]);
      return { topStory: topStory ?? null, editorPicks, candidates };
    },

    async setTopStory(actor: Actor, articleId: number): Promise<void> {
      authorize(actor);
      await requirePublished(articleId);
      await change('topStory', () => [articleId]);
    },

    /** Takes the chosen top story down; the home page then leads with the latest news. */
    async clearTopStory(actor: Actor): Promise<void> {
      authorize(actor);
      await change('topStory', () => []);
    },

    async addEditorPick(actor: Actor, articleId: number): Promise<void> {
      authorize(actor);
      const article = await requirePublished(articleId);
      await change('editorPick', (current) => {
        if (current.includes(articleId)) {
          throw new ConflictError(`«${article.title}» از پیش در پیشنهادهای سردبیر است.`);
        }
        if (current.length >= maxEditorPicks) {
          throw new ConflictError(
            `پیشنهادهای سردبیر حداکثر ${maxEditorPicks.toLocaleString('fa-IR')} خبر است؛ نخست یکی را بردارید.`,
          );
        }
        return [...current, articleId];
      });
    },

    async removeEditorPick(actor: Actor, articleId: number): Promise<void> {
      authorize(actor);
      await change('editorPick', (current) => current.filter((id) => id !== articleId));
    },

    async moveEditorPick(actor: Actor, articleId: number, direction: MoveDirection): Promise<void> {
      authorize(actor);
      await change('editorPick', (current) => moved(current, articleId, direction));
    },
  };
}

export type CurationService = ReturnType<typeof createCurationService>;
