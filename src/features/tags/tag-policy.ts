import type { Actor } from '../users/user.js';

// Who may manage tags. Writers still create tags by typing them on an article;
// renaming, merging and deleting change other people's articles, so only the desk may.

export function canManageTags(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor';
}
