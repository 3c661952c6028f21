import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Office, OfficeUser, UpdateOfficeRequest, UpdateUserRequest } from '@wahl/contracts';
import type { Actor } from '../../platform/auth/roles';
import { Database } from '../../platform/database/database';
import { AppError, notFound } from '../../platform/errors/app-error';
import { SessionEnded } from './identity.events';
import { OfficesRepository } from './offices.repository';
import { toOfficeUser } from './offices.service';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository, type AccountFields, type UserRecord } from './users.repository';

const accountFields = (user: UserRecord): AccountFields => ({
  displayName: user.displayName,
  function: user.function,
  role: user.role,
  active: user.active,
});

const isActiveAdmin = (fields: AccountFields): boolean => fields.role === 'office-admin' && fields.active;

/** Edits of offices (provider admins) and of an office's accounts (its admins); every edit is recorded in administration_changes. */
@Injectable()
export class AdministrationService {
  constructor(
    private readonly db: Database,
    private readonly offices: OfficesRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly events: EventEmitter2,
  ) {}

  /** Name and level freely; the official key only while no election refers to the office (results and open data carry it). */
  async updateOffice(actor: Actor, officeId: string, input: UpdateOfficeRequest): Promise<Office> {
    const before = await this.offices.byId(officeId);
    if (!before) throw notFound('Das Wahlamt');
    const after = { name: input.name ?? before.name, ags: input.ags ?? before.ags, level: input.level ?? before.level };
    if (after.ags !== before.ags) {
      if (await this.offices.hasElections(officeId)) {
        throw new AppError('OFFICE_KEY_FIXED', `Der amtliche Schlüssel ${before.ags} bleibt fest: Das Wahlamt hat bereits Wahlen.`);
      }
      if (await this.offices.exists({ ags: after.ags })) {
        throw new AppError('OFFICE_AGS_TAKEN', `Ein Wahlamt mit dem Schlüssel ${after.ags} gibt es bereits.`);
      }
    }
    return this.db.transaction(async (tx) => {
      const updated = await this.offices.update(officeId, after, tx);
      const { name, ags, level } = before;
      await this.offices.recordChange({ officeId, userId: null, by: byOf(actor), before: { name, ags, level }, after }, tx);
      return updated;
    });
  }

  /** Role, display name, function and active of one account of the office; deactivating ends its sessions and their sockets at once. */
  async updateUser(actor: Actor, officeId: string, userId: string, input: UpdateUserRequest): Promise<OfficeUser> {
    if (actor.role !== 'provider-admin' && actor.officeId !== officeId) throw notFound('Das Wahlamt');
    const { user, ended } = await this.storeUserChange(actor, officeId, userId, input);
    for (const session of ended) this.events.emit(SessionEnded.event, new SessionEnded(session));
    return user;
  }

  private storeUserChange(
    actor: Actor,
    officeId: string,
    userId: string,
    input: UpdateUserRequest,
  ): Promise<{ user: OfficeUser; ended: string[] }> {
    return this.db.transaction(async (tx) => {
      const activeAdmins = await this.users.lockActiveAdmins(officeId, tx);
      const user = await this.users.byId(userId);
      if (!user || user.officeId !== officeId || user.role === 'board-member') throw notFound('Das Benutzerkonto');
      const before = accountFields(user);
      const after: AccountFields = { ...before, ...input };
      if (isActiveAdmin(before) && !isActiveAdmin(after)) {
        if (user.id === actor.userId) throw new AppError('OWN_ACCOUNT_PROTECTED');
        if (activeAdmins.length <= 1) throw new AppError('LAST_OFFICE_ADMIN');
      }
      if (user.id === actor.userId && !after.active) throw new AppError('OWN_ACCOUNT_PROTECTED');
      const updated = await this.users.update(userId, after, tx);
      const ended = after.active ? [] : await this.sessions.deleteForUser(userId, tx);
      await this.offices.recordChange({ officeId, userId, by: byOf(actor), before, after }, tx);
      return { user: toOfficeUser(updated), ended };
    });
  }
}

const byOf = (actor: Actor) => ({ id: actor.userId, name: actor.username });
