import type { Actor } from '../users/user.js';

// Who may curate the home page. Routes do not decide this; the service asks here.

/** The top story and the editor's picks are the desk's decisions. */
export function canCurate(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor';
}
