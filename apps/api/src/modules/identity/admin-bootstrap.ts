import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { Database } from '../../platform/database/database';
import { UsersRepository } from './users.repository';

/**
 * The first provider administrator `admin`. Its password comes from WAHL_ADMIN_PASSWORD; without
 * one a random password is generated and returned so that start-up can print it once. Runs before
 * the first request, on the application's one Database.
 */
export async function ensureAdmin(database: Database, password: string | undefined): Promise<{ generatedPassword?: string }> {
  const users = new UsersRepository(database);
  const existing = await users.byUsername('admin');
  if (existing) {
    if (password && !(await argon2.verify(existing.passwordHash, password))) {
      await users.setPasswordHash(existing.id, await argon2.hash(password));
    }
    return {};
  }
  const chosen = password ?? randomBytes(12).toString('base64url');
  await users.insert({
    username: 'admin',
    displayName: 'Administrator',
    passwordHash: await argon2.hash(chosen),
    role: 'provider-admin',
    officeId: null,
  });
  return password ? {} : { generatedPassword: chosen };
}
