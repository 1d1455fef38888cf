import type { Actor } from './user.js';

// Who may do what with accounts and API tokens. Routes do not decide this; the user service asks here.

/** Creating, disabling and re-roling people is the admins' job alone. */
export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}

/**
 * A token belongs to a person: the system actor (CLI) has no account to hang one on.
 * Every signed-in role may hold tokens; each token carries its holder's role.
 */
export function canHoldTokens(actor: Actor): actor is Actor & { userId: number } {
  return actor.userId !== null;
}

/** People see and revoke their own tokens; admins see and revoke anyone's. */
export function canManageTokensOf(actor: Actor, ownerId: number): boolean {
  return actor.userId === ownerId || canManageUsers(actor);
}
