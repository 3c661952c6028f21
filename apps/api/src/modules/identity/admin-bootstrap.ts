import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserEntity } from './entities/user.entity';

/**
 * The first provider administrator `admin`. Its password comes from WAHL_ADMIN_PASSWORD; without
 * one a random password is generated and returned so that start-up can print it once.
 */
export async function ensureAdmin(dataSource: DataSource, password: string | undefined): Promise<{ generatedPassword?: string }> {
  const users = dataSource.getRepository(UserEntity);
  const existing = await users.findOneBy({ username: 'admin' });
  if (existing) {
    if (password && !(await argon2.verify(existing.passwordHash, password))) {
      await users.update({ id: existing.id }, { passwordHash: await argon2.hash(password) });
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
