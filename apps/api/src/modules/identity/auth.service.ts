import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, MoreThan } from 'typeorm';
import type { Actor } from '../../platform/auth/roles';
import { AppError } from '../../platform/errors/app-error';
import { LoginFailureEntity } from './entities/login-attempt.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';

const SESSION_HOURS = 12;
const FAILURE_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  // A fixed hash so that an unknown username costs as much time as a wrong password.
  private readonly dummyHash = argon2.hash(randomBytes(16).toString('hex'));

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async login(username: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    await this.assertNotThrottled(username, address);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    const valid = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !valid || !user.active) {
      await this.dataSource.getRepository(LoginFailureEntity).insert({ username, address });
      throw new AppError('UNAUTHENTICATED', 'Benutzername oder Passwort ist falsch.');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await this.dataSource.getRepository(SessionEntity).insert({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    return { token, expiresAt, actor: toActor(user) };
  }

  async logout(token: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ tokenHash: hashToken(token) });
  }

  async resolve(token: string): Promise<Actor | null> {
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .findOneBy({ tokenHash: hashToken(token), expiresAt: MoreThan(new Date()) });
    if (!session) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId, active: true });
    return user ? toActor(user) : null;
  }

  private async assertNotThrottled(username: string, address: string): Promise<void> {
    const since = MoreThan(new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000));
    const failures = this.dataSource.getRepository(LoginFailureEntity);
    const [byAccount, byAddress] = await Promise.all([
      failures.countBy({ username, at: since }),
      failures.countBy({ address, at: since }),
    ]);
    if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in ${FAILURE_WINDOW_MINUTES} Minuten erneut.`,
        [],
        { 'Retry-After': String(FAILURE_WINDOW_MINUTES * 60) },
      );
    }
  }
}

export function toActor(user: UserEntity): Actor {
  return { userId: user.id, username: user.username, role: user.role, officeId: user.officeId };
}
