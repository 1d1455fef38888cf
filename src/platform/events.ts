/** Where an article is listed: listeners drop the pages of these lists. */
export interface ArticleEvent {
  articleId: number;
  newsCode: number;
  sectionId: number;
  tagIds: number[];
}

export interface DomainEvents {
  'article.published': ArticleEvent;
  'article.updated': ArticleEvent;
  'article.unpublished': ArticleEvent;
  /** A section was added, renamed, moved in the menu or removed: every page's menu shows it. */
  'section.changed': { sectionId: number };
  /** Tags were renamed or merged: the pages of their articles name them. */
  'tag.changed': { tagIds: number[] };
  /** An image's alt text or credit changed: every page showing it as a cover or in a gallery. */
  'media.described': { imageId: number };
  /** The desk changed the home page's top story or editor's picks. */
  'curation.changed': { slot: 'topStory' | 'editorPick' };
  /** A comment became visible on its article's page (approved, or the newsroom replied). */
  'comment.approved': { commentId: number; articleId: number };
  /** A comment was rejected or marked as spam; if it was visible, it no longer is. */
  'comment.rejected': { commentId: number; articleId: number; state: 'rejected' | 'spam' };
}

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void | Promise<void>;

/**
 * The in-process bus that services publish domain events on. Listeners (page
 * cache, search index, feeds) run after the publisher's work is committed; a
 * failing listener is reported and never undoes or blocks the publisher.
 */
export class EventBus {
  readonly #listeners = new Map<keyof DomainEvents, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (error: unknown, event: string) => void) {}

  on<K extends keyof DomainEvents>(event: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as Listener<never>);
    this.#listeners.set(event, set);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        const result = (listener as Listener<K>)(payload);
        if (result instanceof Promise) result.catch((error) => this.onListenerError(error, event));
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }
}
