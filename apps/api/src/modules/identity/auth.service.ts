import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import type { Actor, Role } from '../../platform/auth/roles';
import { AppError } from '../../platform/errors/app-error';
import { LoginFailureEntity } from './entities/login-attempt.entity';
import { SessionEntity, type BoardSessionScope } from './entities/session.entity';
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

  // Runs on every request: one indexed query for session and user together.
  async resolve(token: string): Promise<Actor | null> {
    const [row] = (await this.dataSource.query(
      `SELECT s.user_id, s.board_scope, u.username, u.role, u.office_id, u.active
       FROM sessions s LEFT JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [hashToken(token)],
    )) as {
      user_id: string;
      board_scope: BoardSessionScope | null;
      username: string | null;
      role: Role | null;
      office_id: string | null;
      active: boolean | null;
    }[];
    if (!row) return null;
    if (row.board_scope) return boardActor(row.user_id, row.board_scope);
    if (!row.active || row.username === null || row.role === null) return null;
    return { userId: row.user_id, username: row.username, role: row.role, officeId: row.office_id };
  }

  /**
   * A session for a board member who signed in with an election-night access code: no user account
   * behind it, a fresh principal id per sign-in (two board members are two people for the four-eyes rule).
   */
  async createBoardSession(
    scope: BoardSessionScope,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    const principalId = randomUUID();
    await manager.getRepository(SessionEntity).insert({ tokenHash: hashToken(token), userId: principalId, expiresAt, boardScope: scope });
    return { token, expiresAt, actor: boardActor(principalId, scope) };
  }

  /** Ends every session opened with an access code, e.g. when the office revokes it. */
  async endBoardSessions(codeId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM sessions WHERE board_scope->>'codeId' = $1`, [codeId]);
  }

  /** For sign-ins without an account (access codes): failures are limited per address only. */
  async assertAddressNotThrottled(address: string): Promise<void> {
    const since = MoreThan(new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000));
    const failures = await this.dataSource.getRepository(LoginFailureEntity).countBy({ address, at: since });
    if (failures >= MAX_FAILURES_PER_ADDRESS) throw tooManyFailures();
  }

  async recordFailedSignIn(label: string, address: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailureEntity).insert({ username: label, address });
  }

  private async assertNotThrottled(username: string, address: string): Promise<void> {
    const since = MoreThan(new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000));
    const failures = this.dataSource.getRepository(LoginFailureEntity);
    const [byAccount, byAddress] = await Promise.all([failures.countBy({ username, at: since }), failures.countBy({ address, at: since })]);
    if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) throw tooManyFailures();
  }
}

const tooManyFailures = (): AppError =>
  new AppError(
    'TOO_MANY_REQUESTS',
    `Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in ${FAILURE_WINDOW_MINUTES} Minuten erneut.`,
    [],
    { 'Retry-After': String(FAILURE_WINDOW_MINUTES * 60) },
  );

function boardActor(principalId: string, scope: BoardSessionScope): Actor {
  return {
    userId: principalId,
    username: scope.name,
    role: 'board-member',
    officeId: scope.officeId,
    electionId: scope.electionId,
    districtIds: scope.districtIds,
  };
}

export function toActor(user: UserEntity): Actor {
  return { userId: user.id, username: user.username, role: user.role, officeId: user.officeId };
}
