import type { Actor } from '../users/user.js';
import type { Article, ArticleState } from './article.js';

// Who may do what with articles. Routes do not decide this; the service asks here.

/** Everyone in the newsroom but moderators writes articles. */
export function canWrite(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor' || actor.role === 'writer';
}

/** Publishing, scheduling and unpublishing are the desk's decisions, not the writer's. */
export function canPublish(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor';
}

/** The states an actor may put an article into. */
export function canSetState(actor: Actor, state: ArticleState): boolean {
  if (!canWrite(actor)) return false;
  if (state === 'draft' || state === 'inReview') return true;
  return canPublish(actor);
}

/** Editors edit anything; writers edit their own articles until the desk has published them. */
export function canEdit(actor: Actor, article: Pick<Article, 'createdBy' | 'state'>): boolean {
  if (canPublish(actor)) return true;
  if (!canWrite(actor)) return false;
  return article.createdBy === actor.userId && (article.state === 'draft' || article.state === 'inReview');
}

/** Unpublished work is visible to the newsroom only. */
export function canSeeUnpublished(actor: Actor | undefined): boolean {
  return actor !== undefined && canWrite(actor);
}
