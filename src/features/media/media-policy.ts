import type { Actor } from '../users/user.js';

// Who may do what with the media library. Routes do not decide this; the service asks here.

/** Those who write articles upload, describe and pick images; moderators look after comments only. */
export function canManageMedia(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor' || actor.role === 'writer';
}
