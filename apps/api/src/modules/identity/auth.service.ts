import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import * as argon2 from 'argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/auth/roles';
import type { Queryable } from '../../platform/database/database';
import { AppError } from '../../platform/errors/app-error';
import type { BoardSessionScope } from './entities/session.entity';
import { SessionEnded } from './identity.events';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository, type UserRecord } from './users.repository';

const SESSION_HOURS = 12;
const FAILURE_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  // A fixed hash so that an unknown username costs as much time as a wrong password.
  private readonly dummyHash = argon2.hash(randomBytes(16).toString('hex'));

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly events: EventEmitter2,
  ) {}

  async login(username: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    await this.assertNotThrottled(username, address);
    const user = await this.users.byUsername(username);
    const valid = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !valid || !user.active) {
      await this.sessions.recordFailure(username, address);
      throw new AppError('INVALID_CREDENTIALS', 'Benutzername oder Passwort ist falsch.');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await this.sessions.insert({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    return { token, expiresAt, actor: toActor(user) };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete(hashToken(token));
    // The session's office sockets close too: no event reaches a signed-out screen (issue 17, finding 8).
    this.events.emit(SessionEnded.event, new SessionEnded(hashToken(token)));
  }

  // Runs on every request: one indexed query for session and user together.
  async resolve(token: string): Promise<Actor | null> {
    const row = await this.sessions.live(hashToken(token));
    if (!row) return null;
    if (row.board_scope) return boardActor(row.user_id, row.board_scope);
    if (!row.active || row.username === null || row.role === null) return null;
    return { userId: row.user_id, username: row.username, role: row.role, officeId: row.office_id };
  }

  /**
   * A session for a board member who signed in with an election-night access code: no user account
   * behind it, a fresh principal id per sign-in (two board members are two people for the four-eyes rule).
   * `db`: the caller's transaction, so the session exists only if the sign-in commits.
   */
  async createBoardSession(scope: BoardSessionScope, db?: Queryable): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    const principalId = randomUUID();
    await this.sessions.insert({ tokenHash: hashToken(token), userId: principalId, expiresAt, boardScope: scope }, db);
    return { token, expiresAt, actor: boardActor(principalId, scope) };
  }

  /** Ends every session opened with an access code, e.g. when the office revokes it (in the caller's transaction). */
  async endBoardSessions(codeId: string, db?: Queryable): Promise<void> {
    await this.sessions.deleteBoardSessions(codeId, db);
  }

  /** For sign-ins without an account (access codes): failures are limited per address only. */
  async assertAddressNotThrottled(address: string): Promise<void> {
    const { byAddress } = await this.sessions.failuresSince(windowStart(), { username: null, address });
    if (byAddress >= MAX_FAILURES_PER_ADDRESS) throw tooManyFailures();
  }

  async recordFailedSignIn(label: string, address: string): Promise<void> {
    await this.sessions.recordFailure(label, address);
  }

  private async assertNotThrottled(username: string, address: string): Promise<void> {
    const { byAccount, byAddress } = await this.sessions.failuresSince(windowStart(), { username, address });
    if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) throw tooManyFailures();
  }
}

const windowStart = (): Date => new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);

const tooManyFailures = (): AppError =>
  new AppError(
    'ACCOUNT_LOCKED',
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

export function toActor(user: Pick<UserRecord, 'id' | 'username' | 'role' | 'officeId'>): Actor {
  return { userId: user.id, username: user.username, role: user.role, officeId: user.officeId };
}
