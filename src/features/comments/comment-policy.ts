import type { Actor } from '../users/user.js';

// Who may do what with readers' comments. Routes do not decide this; the service asks here.

/** Moderators exist for comments; the desk may moderate too. Writers may not. */
export function canModerate(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor' || actor.role === 'moderator';
}

/** Replying as the newsroom speaks for the site: the same people who moderate. */
export function canReplyAsNewsroom(actor: Actor): boolean {
  return canModerate(actor);
}
