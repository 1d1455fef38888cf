import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Actor, roles, systemActor } from './user.js';
import { canHoldTokens, canManageTokensOf, canManageUsers } from './user-policy.js';

const as = (role: Actor['role'], userId = 7): Actor => ({ userId, name: 'x', role });

describe('user policy', () => {
  it('lets only admins manage users', () => {
    assert.deepEqual(
      roles.filter((role) => canManageUsers(as(role))),
      ['admin'],
    );
  });

  it('lets people manage their own tokens and admins anyone’s', () => {
    for (const role of roles) assert.equal(canManageTokensOf(as(role, 7), 7), true, role);
    assert.deepEqual(
      roles.filter((role) => canManageTokensOf(as(role, 7), 8)),
      ['admin'],
    );
  });

  it('gives tokens to people, never to the system actor', () => {
    assert.equal(canHoldTokens(as('writer')), true);
    assert.equal(canHoldTokens(systemActor), false);
  });
});
