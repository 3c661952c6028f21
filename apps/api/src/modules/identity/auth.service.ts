import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/auth/roles';
import type { Queryable } from '../../platform/database/database';
import { AppError } from '../../platform/errors/app-error';
import type { BoardSessionScope } from './entities/session.entity';
import { SessionEnded } from './identity.events';
import { SessionsRepository } from './sessions.repository';
import { SignInLimits, type SignInAttempt } from './sign-in-limits';
import { UsersRepository, type UserRecord } from './users.repository';

const SESSION_HOURS = 12;
/** A device token as this API issues it (32 random bytes, base64url); anything else in the cookie is ignored. */
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  // A fixed hash so that an unknown username costs as much time as a wrong password.
  private readonly dummyHash = argon2.hash(randomBytes(16).toString('hex'));

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly limits: SignInLimits,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Sign-in with a password. The attempt is reserved in the shared limits before the password is
   * checked (issue #17); `deviceToken` is the browser's device cookie: a device where the account
   * signed in before passes the per-account block. Returns the device token to (re)set.
   */
  async login(
    username: string,
    password: string,
    client: { readonly address: string; readonly deviceToken: string | null },
  ): Promise<{ token: string; expiresAt: Date; actor: Actor; deviceToken: string }> {
    const deviceToken = client.deviceToken && DEVICE_TOKEN.test(client.deviceToken) ? client.deviceToken : null;
    const deviceHash = deviceToken ? hashToken(deviceToken) : null;
    const known = deviceHash && (await this.sessions.isKnownDevice(deviceHash, username)) ? deviceHash : null;
    const attempt = await this.limits.reserveAccount(username, { address: client.address, knownDevice: known });
    const user = await this.users.byUsername(username);
    const valid = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !valid || !user.active) {
      await this.sessions.recordFailure(username, client.address, known !== null);
      throw new AppError('INVALID_CREDENTIALS', 'Benutzername oder Passwort ist falsch.');
    }
    await attempt.succeeded();
    const device = deviceToken ?? randomBytes(32).toString('base64url');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await Promise.all([
      this.sessions.insert({ tokenHash: hashToken(token), userId: user.id, expiresAt }),
      this.sessions.rememberDevice(hashToken(device), user.id),
      this.sessions.recordSignIn(user.id, client.address, known !== null),
    ]);
    return { token, expiresAt, actor: toActor(user), deviceToken: device };
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
   * A session for a board member who signed in personally with an election-night access code: no
   * user account behind it; the principal id is the board member's (issue #17: every session of one
   * member is the same person for the four-eyes rule). `db`: the caller's transaction, so the session
   * exists only if the sign-in commits.
   */
  async createBoardSession(
    scope: BoardSessionScope,
    principalId: string,
    db?: Queryable,
  ): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await this.sessions.insert({ tokenHash: hashToken(token), userId: principalId, expiresAt, boardScope: scope }, db);
    return { token, expiresAt, actor: boardActor(principalId, scope) };
  }

  /** Ends every session opened with an access code, e.g. when the office revokes it (in the caller's transaction). */
  async endBoardSessions(codeId: string, db?: Queryable): Promise<void> {
    await this.sessions.deleteBoardSessions(codeId, db);
  }

  /**
   * For sign-ins without an account (access codes): reserves an attempt under the address ceiling
   * before the code is checked; call `succeeded()` on the result when the code was right.
   */
  assertAddressNotThrottled(address: string): Promise<SignInAttempt> {
    return this.limits.reserveAddress(address);
  }

  async recordFailedSignIn(label: string, address: string): Promise<void> {
    await this.sessions.recordFailure(label, address);
  }
}

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
