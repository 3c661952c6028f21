import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../support/http';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { enumerateRoutes, fillPath, type RouteInfo } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';

// A clerk (or office admin, or board member) of one municipality must neither read nor change
// another municipality's data through any route: every route of the running server is tried with
// the other office's real ids.
describe('tenancy across every route', () => {
  let testApp: TestApp;
  let owner: OfficeWithStaff;
  let intruder: OfficeWithStaff;
  let ids: Record<string, string>;
  let ownerState: () => Promise<string>;

  beforeAll(async () => {
    testApp = await startTestApp();
    owner = await createOfficeWithStaff(testApp, '08999101', 'Kleinhausen');
    intruder = await createOfficeWithStaff(testApp, '08999102', 'Großdorf');
    const document = JSON.parse(readFileSync('test/fixtures/election-small.json', 'utf8'));
    const imported = await owner.clerk.post('/api/elections', document);
    expect(imported.status).toBe(201);
    const electionId = imported.body.id as string;
    const [district] = await testApp.dataSource.query(
      `SELECT id FROM districts WHERE election_id = $1 AND kind = 'polling' ORDER BY ordinal LIMIT 1`,
      [electionId],
    );
    const [contest] = await testApp.dataSource.query(`SELECT id FROM contests WHERE election_id = $1 LIMIT 1`, [electionId]);
    ids = { id: electionId, electionId, districtId: district.id, contestId: contest.id, officeId: owner.officeId };
    // Everything the owner can read about its election, to prove nothing changed afterwards.
    ownerState = async () => {
      const parts = await Promise.all([
        owner.clerk.get(`/api/elections/${electionId}/definition`),
        owner.officeAdmin.get(`/api/offices/${owner.officeId}/users`),
      ]);
      return JSON.stringify(parts.map((p) => [p.status, p.body]));
    };
  });
  afterAll(async () => {
    await testApp.close();
  });

  const call = (client: HttpClient, route: RouteInfo, url: string) => {
    switch (route.method) {
      case 'GET':
        return client.get(url);
      case 'POST':
        return client.post(url, {});
      case 'PUT':
        return client.put(url, {});
      case 'PATCH':
        return client.patch(url, {});
      case 'DELETE':
        return client.delete(url);
      default:
        throw new Error(`no test call for ${route.method}`);
    }
  };

  it('should refuse every office-bound route for another office and leave its data unchanged', async () => {
    const before = await ownerState();
    const routes = enumerateRoutes(testApp.app).filter((r) => r.rule && !r.rule.public && /:\w+/.test(r.path));
    expect(routes.length).toBeGreaterThan(3);
    const leaks: string[] = [];
    for (const route of routes) {
      // Placeholders that name none of the owner's resources get a fresh id: still no success allowed.
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const values = Object.fromEntries(names.map((n) => [n, ids[n] ?? (n === 'version' ? '1' : randomUUID())]));
      const { url } = fillPath(route.path, values);
      for (const [role, client] of [
        ['clerk', intruder.clerk],
        ['office-admin', intruder.officeAdmin],
        ['board-member', intruder.boardMember],
      ] as const) {
        const result = await call(client, route, url);
        const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
        if (result.status < 400 || text.includes('Kleinhausen')) leaks.push(`${role}: ${route.method} ${route.path} → ${result.status}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await ownerState()).toBe(before);
  });

  it('should not list another office’s elections or users', async () => {
    const list = await intruder.clerk.get('/api/elections');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(ids['electionId']);
    expect((await intruder.officeAdmin.get(`/api/offices/${owner.officeId}/users`)).status).toBe(404);
  });
});
