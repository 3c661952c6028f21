import { Injectable } from '@nestjs/common';
import type {
  CreateOfficeRequest,
  CreateUserRequest,
  Office,
  OfficePublicLinks,
  OfficeUser,
  OfficeUserListEntry,
  SignInRecord,
} from '@wahl/contracts';
import * as argon2 from 'argon2';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { OfficesRepository } from './offices.repository';
import { SessionsRepository } from './sessions.repository';
import { CLIENT_WINDOW_SECONDS, SignInLimits } from './sign-in-limits';
import { UsersRepository, type UserRecord } from './users.repository';

export const toOfficeUser = (u: UserRecord): OfficeUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  function: u.function,
  role: u.role,
  officeId: u.officeId,
  active: u.active,
});

/** How many sign-ins the history shows: enough to see a pattern (a guesser, a new device). */
const SIGN_IN_HISTORY_LIMIT = 50;

@Injectable()
export class OfficesService {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly limits: SignInLimits,
  ) {}

  /** Issue #17: the office (or the provider) lifts the per-account block of one of its users; recorded with who did it. */
  async unlockUser(actor: Actor, officeId: string, userId: string): Promise<void> {
    await this.get(actor, officeId);
    const user = await this.users.byId(userId);
    if (!user || user.officeId !== officeId) throw notFound('Das Benutzerkonto');
    await this.limits.unlockAccount(user.username);
    await this.users.recordUnlock(user.id, { id: actor.userId, name: actor.username });
  }

  /** The user's last sign-ins with a password, successful or not, for the office's admins. */
  async signIns(actor: Actor, officeId: string, userId: string): Promise<SignInRecord[]> {
    await this.get(actor, officeId);
    const user = await this.users.byId(userId);
    if (!user || user.officeId !== officeId) throw notFound('Das Benutzerkonto');
    const records = await this.sessions.signInHistory(user, SIGN_IN_HISTORY_LIMIT);
    return records.map((record) => ({ ...record, at: record.at.toISOString() }));
  }

  list(): Promise<Office[]> {
    return this.offices.list();
  }

  async get(actor: Actor, id: string): Promise<Office> {
    if (actor.role !== 'provider-admin' && actor.officeId !== id) throw notFound('Das Wahlamt');
    return this.findById(id);
  }

  /** Impressum, Datenschutz and Barrierefreiheit of the office, shown in the public page's footer. */
  async publicLinks(actor: Actor, officeId: string): Promise<OfficePublicLinks> {
    await this.get(actor, officeId);
    return (await this.offices.publicLinks(officeId))!;
  }

  async setPublicLinks(actor: Actor, officeId: string, links: OfficePublicLinks): Promise<OfficePublicLinks> {
    await this.get(actor, officeId);
    return this.offices.setPublicLinks(officeId, links);
  }

  /** For other modules that already scoped the office to the caller. */
  async findById(id: string): Promise<Office> {
    const office = await this.offices.byId(id);
    if (!office) throw notFound('Das Wahlamt');
    return office;
  }

  async create(input: CreateOfficeRequest): Promise<Office> {
    if (await this.offices.exists({ ags: input.ags })) {
      throw new AppError('OFFICE_AGS_TAKEN', `Ein Wahlamt mit dem Schlüssel ${input.ags} gibt es bereits.`);
    }
    if (input.parentId && !(await this.offices.exists({ id: input.parentId }))) throw notFound('Das übergeordnete Wahlamt');
    return this.offices.insert(input);
  }

  /** The office's accounts, each with whether sign-in is slowed or locked for it now (issue #17, 3), so the office knows whom to unlock. */
  async listUsers(actor: Actor, officeId: string): Promise<OfficeUserListEntry[]> {
    await this.get(actor, officeId);
    const users = await this.users.listByOffice(officeId);
    const since = new Date(Date.now() - CLIENT_WINDOW_SECONDS * 1000);
    const failures = await this.sessions.recentFailures(
      users.map((u) => u.username),
      since,
    );
    return Promise.all(
      users.map(async (user) => {
        const recent = failures.get(user.username) ?? { failures: 0, addresses: [] };
        const state = await this.limits.accountState(user.username, recent.addresses);
        return { ...toOfficeUser(user), signIn: { ...state, recentFailures: recent.failures } };
      }),
    );
  }

  /** Provider admins create an office's first users; office admins add users to their own office. */
  async createUser(actor: Actor, officeId: string, input: CreateUserRequest): Promise<OfficeUser> {
    await this.get(actor, officeId);
    if (await this.users.usernameTaken(input.username)) {
      throw new AppError('USERNAME_TAKEN', `Den Benutzernamen ${input.username} gibt es bereits.`);
    }
    const user = await this.users.insert({
      username: input.username,
      displayName: input.displayName,
      function: input.function,
      passwordHash: await argon2.hash(input.password),
      role: input.role,
      officeId,
    });
    return toOfficeUser(user);
  }
}
