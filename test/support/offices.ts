import * as argon2 from 'argon2';
import type { OfficeLevel } from '../../apps/api/src/modules/identity/entities/office.entity';
import { UserEntity } from '../../apps/api/src/modules/identity/entities/user.entity';
import type { Role } from '../../apps/api/src/platform/auth/roles';
import { httpClient, login, type HttpClient } from './http';
import { TEST_ADMIN_PASSWORD, type TestApp } from './test-app';

export type OfficeWithStaff = {
  readonly officeId: string;
  readonly ags: string;
  readonly officeAdmin: HttpClient;
  readonly clerk: HttpClient;
  readonly boardMember: HttpClient;
};

/** The password of every user createOfficeWithStaff makes (for browser sign-ins). */
export const STAFF_PASSWORD = 'correct-horse-battery';

export async function adminClient(testApp: TestApp): Promise<HttpClient> {
  return login(testApp.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
}

/**
 * An office created through the API as the provider admin, with one signed-in user per office role;
 * a municipality without a parent unless `placement` says otherwise.
 */
export async function createOfficeWithStaff(
  testApp: TestApp,
  ags: string,
  name: string,
  placement: { level?: OfficeLevel; parentId?: string } = {},
): Promise<OfficeWithStaff> {
  const admin = await adminClient(testApp);
  const office = await admin.post('/api/offices', {
    name,
    ags,
    level: placement.level ?? 'municipality',
    ...(placement.parentId ? { parentId: placement.parentId } : {}),
  });
  if (office.status !== 201) throw new Error(`office ${ags}: ${office.status} ${JSON.stringify(office.body)}`);
  const officeId = office.body.id as string;
  const prefix = `u${ags}`;
  for (const role of ['office-admin', 'clerk'] as const) {
    const created = await admin.post(`/api/offices/${officeId}/users`, {
      username: `${prefix}-${role}`,
      displayName: `${role} ${name}`,
      password: STAFF_PASSWORD,
      role,
    });
    if (created.status !== 201) throw new Error(`user ${role}: ${created.status} ${JSON.stringify(created.body)}`);
  }
  // Board members get their accounts from access codes (election night); here one is made directly.
  await insertUser(testApp, `${prefix}-board`, 'board-member', officeId);
  return {
    officeId,
    ags,
    officeAdmin: await login(testApp.baseUrl, `${prefix}-office-admin`, STAFF_PASSWORD),
    clerk: await login(testApp.baseUrl, `${prefix}-clerk`, STAFF_PASSWORD),
    boardMember: await login(testApp.baseUrl, `${prefix}-board`, STAFF_PASSWORD),
  };
}

/** The office admin's display name and function, with which it signs documents (set as on the users page). */
export async function setOfficeAdminSignature(
  office: OfficeWithStaff,
  signature: { displayName: string; function: string },
): Promise<void> {
  const { userId } = (await office.officeAdmin.get('/api/auth/me')).body as { userId: string };
  const saved = await office.officeAdmin.patch(`/api/offices/${office.officeId}/users/${userId}`, signature);
  if (saved.status !== 200) throw new Error(`function: ${saved.status} ${JSON.stringify(saved.body)}`);
}

async function insertUser(testApp: TestApp, username: string, role: Role, officeId: string | null): Promise<void> {
  await testApp.dataSource.getRepository(UserEntity).insert({
    username,
    displayName: username,
    passwordHash: await argon2.hash(STAFF_PASSWORD),
    role,
    officeId,
  });
}

export const anonymous = (testApp: TestApp): HttpClient => httpClient(testApp.baseUrl);
