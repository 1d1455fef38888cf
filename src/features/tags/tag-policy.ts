import { canWrite } from '../articles/article-policy.js';
import type { Actor } from '../users/user.js';

// Who may do what with tags. Routes do not decide this; the service asks here.

/** Renaming, merging and deleting change other people's articles, so only the desk may. */
export function canManageTags(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor';
}

/** Everyone who tags articles gets the existing tags offered while typing. */
export function canSeeTagSuggestions(actor: Actor): boolean {
  return canWrite(actor);
}
