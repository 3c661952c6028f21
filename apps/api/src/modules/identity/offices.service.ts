import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { OfficeEntity, type OfficeLevel } from './entities/office.entity';
import { UserEntity } from './entities/user.entity';

export type OfficeView = { id: string; name: string; ags: string; level: OfficeLevel; parentId: string | null };
export type UserView = { id: string; username: string; displayName: string; role: Role; officeId: string | null; active: boolean };

const toOfficeView = (o: OfficeEntity): OfficeView => ({ id: o.id, name: o.name, ags: o.ags, level: o.level, parentId: o.parentId });
const toUserView = (u: UserEntity): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  officeId: u.officeId,
  active: u.active,
});

@Injectable()
export class OfficesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<OfficeView[]> {
    const offices = await this.dataSource.getRepository(OfficeEntity).find({ order: { name: 'ASC' } });
    return offices.map(toOfficeView);
  }

  async get(actor: Actor, id: string): Promise<OfficeView> {
    if (actor.role !== 'provider-admin' && actor.officeId !== id) throw notFound('Das Wahlamt');
    return this.findById(id);
  }

  /** For other modules that already scoped the office to the caller. */
  async findById(id: string): Promise<OfficeView> {
    const office = await this.dataSource.getRepository(OfficeEntity).findOneBy({ id });
    if (!office) throw notFound('Das Wahlamt');
    return toOfficeView(office);
  }

  async create(input: { name: string; ags: string; level: OfficeLevel; parentId: string | null }): Promise<OfficeView> {
    const offices = this.dataSource.getRepository(OfficeEntity);
    if (await offices.existsBy({ ags: input.ags })) {
      throw new AppError('CONFLICT', `Ein Wahlamt mit dem Schlüssel ${input.ags} gibt es bereits.`);
    }
    if (input.parentId && !(await offices.existsBy({ id: input.parentId }))) throw notFound('Das übergeordnete Wahlamt');
    return toOfficeView(await offices.save(offices.create(input)));
  }

  async listUsers(actor: Actor, officeId: string): Promise<UserView[]> {
    await this.get(actor, officeId);
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { officeId }, order: { username: 'ASC' } });
    return users.map(toUserView);
  }

  /** Provider admins create an office's first users; office admins add users to their own office. */
  async createUser(
    actor: Actor,
    officeId: string,
    input: { username: string; displayName: string; password: string; role: 'office-admin' | 'clerk' },
  ): Promise<UserView> {
    await this.get(actor, officeId);
    const users = this.dataSource.getRepository(UserEntity);
    if (await users.existsBy({ username: input.username })) {
      throw new AppError('CONFLICT', `Den Benutzernamen ${input.username} gibt es bereits.`);
    }
    const user = users.create({
      username: input.username,
      displayName: input.displayName,
      passwordHash: await argon2.hash(input.password),
      role: input.role,
      officeId,
    });
    return toUserView(await users.save(user));
  }
}
