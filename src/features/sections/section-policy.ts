import type { Actor } from '../users/user.js';

// Who may change the site's sections. Routes do not decide this; the service asks here.

/** Sections shape the menu and every URL under /section, so only the desk manages them. */
export function canManageSections(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor';
}
