import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { type Actor, actorOf, type Role, systemActor } from './user.js';
import type { UserService } from './user-service.js';

let counter = 0;

for (const engine of await enginesUnderTest()) {
  describe(`user service rules on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let users: UserService;
    before(async () => {
      t = await buildTestApp(engine);
      users = t.services.users;
    });
    after(() => t?.close());

    async function person(role: Role, service = users): Promise<Actor> {
      counter += 1;
      const user = await service.createUser({
        email: `person-${counter}@newsroom.test`,
        name: `همکار ${counter}`,
        role,
        password: 'a-long-password',
      });
      return actorOf(user);
    }
    const idOf = (actor: Actor) => actor.userId ?? 0;

    it('refuses every user-management call to editors, writers and moderators', async () => {
      const target = await person('writer');
      for (const role of ['editor', 'writer', 'moderator'] as const) {
        const actor = await person(role);
        const calls = [
          () => users.listUsers(actor),
          () => users.getUser(actor, idOf(target)),
          () =>
            users.createUserAs(actor, {
              email: 'x@newsroom.test',
              name: 'x',
              role: 'admin',
              password: 'a-long-password',
            }),
          () => users.setRole(actor, idOf(target), 'admin'),
          () => users.setDisabled(actor, idOf(target), true),
          () => users.resetPassword(actor, idOf(target), 'another-long-password'),
          () => users.listTokens(actor, idOf(target)),
        ];
        for (const call of calls) await assert.rejects(call(), ForbiddenError, role);
      }
    });

    it('still lets the system (CLI, demo) add users without an actor', async () => {
      const admin = await person('admin');
      assert.equal(admin.role, 'admin');
    });

    it('never demotes or disables the last active admin, even for the system actor', async () => {
      const fresh = await buildTestApp(engine);
      try {
        const only = await person('admin', fresh.services.users);
        await assert.rejects(
          fresh.services.users.setRole(systemActor, idOf(only), 'editor'),
          ValidationError,
        );
        await assert.rejects(
          fresh.services.users.setDisabled(systemActor, idOf(only), true),
          ValidationError,
        );
        const other = await person('admin', fresh.services.users);
        await fresh.services.users.setDisabled(systemActor, idOf(other), true);
        // A disabled admin does not count: the first one is still the last active admin.
        await assert.rejects(
          fresh.services.users.setRole(systemActor, idOf(only), 'writer'),
          ValidationError,
        );
        await fresh.services.users.setRole(systemActor, idOf(other), 'editor');
      } finally {
        await fresh.close();
      }
    });

    it('when two admins demote each other at the same moment, one of them stays admin', async () => {
      const fresh = await buildTestApp(engine);
      try {
        const service = fresh.services.users;
        const a = await person('admin', service);
        const b = await person('admin', service);
        const results = await Promise.allSettled([
          service.setRole(a, idOf(b), 'editor'),
          service.setRole(b, idOf(a), 'editor'),
        ]);
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        const admins = (await service.listUsers(systemActor)).filter(
          (u) => u.role === 'admin' && !u.disabled,
        );
        assert.equal(admins.length, 1);
      } finally {
        await fresh.close();
      }
    });

    it('answers not found for an unknown user', async () => {
      const admin = await person('admin');
      await assert.rejects(users.setRole(admin, 999_999, 'writer'), NotFoundError);
    });

    it('gives tokens only to people, and lets an admin revoke anyone’s', async () => {
      await assert.rejects(users.createTokenFor(systemActor, 'cli'), ForbiddenError);
      const writer = await person('writer');
      const { token, info } = await users.createTokenFor(writer, '  برچسب  ');
      assert.equal(info.label, 'برچسب');
      assert.deepEqual(await users.authenticateToken(token), writer);
      const admin = await person('admin');
      const revoked = await users.revokeToken(admin, info.id);
      assert.ok(revoked.revokedAt);
      assert.equal(await users.authenticateToken(token), undefined);
      const [listed] = await users.listTokens(admin, idOf(writer));
      assert.equal(listed?.revokedAt, revoked.revokedAt);
      assert.equal('tokenHash' in (listed ?? {}), false);
    });
  });
}
