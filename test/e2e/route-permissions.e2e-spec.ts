import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../apps/api/src/platform/auth/roles';
import type { HttpClient } from '../support/http';
import { adminClient, anonymous, createOfficeWithStaff } from '../support/offices';
import { enumerateRoutes, fillPath, type RouteInfo } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';

// Routes anyone may call. A new public route must be added here on purpose, in review.
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/problems',
  'GET /api/problems/:code',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password-reset',
  'POST /api/board/sign-in',
  'GET /api/schemas/election.json',
  'POST /api/seat-allocation',
  'GET /api/public/elections/:electionId/council-result',
  'GET /api/public/elections/:electionId/turnout',
  'GET /api/public/elections/:electionId/result-status',
  'GET /api/public/elections',
  'GET /api/public/elections/:electionId',
  'GET /api/public/elections/:electionId/areas/:areaId',
  'GET /api/public/elections/:electionId/district-lookup',
  'GET /api/public/elections/:electionId/about',
  'GET /api/public/elections/:electionId/open-data/:file',
  'GET /api/public/elections/:electionId/current',
  'GET /api/public/elections/:electionId/v/:version',
  'GET /api/public/elections/:electionId/v/:version/areas/:areaId',
  'GET /api/public/elections/:electionId/v/:version/open-data/:file',
  'GET /api/public/elections/:electionId/map',
  'GET /api/public/poll-workers/:electionId',
  'POST /api/public/poll-workers/:electionId/sign-up',
  'GET /api/public/postal-voting/elections',
  'POST /api/public/postal-voting/link',
  'POST /api/public/postal-voting/link/verify',
  'POST /api/public/postal-voting/link/applications',
  'POST /api/public/postal-voting/applications',
]);

// The OpenAPI documentation is served by the Swagger module, not by a controller: public on purpose.
const isApiDocs = (route: RouteInfo): boolean => /^\/api\/docs/.test(route.path);

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

describe('every route declares who may call it', () => {
  let testApp: TestApp;
  let routes: RouteInfo[];
  let clients: Record<Role, HttpClient>;

  beforeAll(async () => {
    testApp = await startTestApp();
    routes = enumerateRoutes(testApp.app).filter((route) => !isApiDocs(route));
    const office = await createOfficeWithStaff(testApp, '08999990', 'Prüfgemeinde');
    clients = {
      'provider-admin': await adminClient(testApp),
      'office-admin': office.officeAdmin,
      clerk: office.clerk,
      'board-member': office.boardMember,
    };
  });
  afterAll(async () => {
    await testApp.close();
  });

  // Any placeholder gets a fresh id: the guard decides before anything is looked up.
  const urlOf = (route: RouteInfo): string => {
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    return fillPath(route.path, Object.fromEntries(names.map((n) => [n, randomUUID()]))).url;
  };

  it('should find the application routes', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/auth/login');
  });

  it('should have an access declaration on every route', () => {
    const undeclared = routes.filter((r) => r.rule === undefined).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('should make public exactly the reviewed list of routes', () => {
    const publicRoutes = routes.filter((r) => r.rule?.public).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.filter((r) => !PUBLIC_ROUTES.has(r))).toEqual([]);
  });

  it('should refuse anonymous calls to every non-public route with 401', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.rule?.public)) {
      const result = await call(anonymous(testApp), route, urlOf(route));
      if (result.status !== 401) wrong.push(`${route.method} ${route.path} → ${result.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('should refuse every role a route does not name with 403', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      if (!route.rule || route.rule.public) continue;
      const allowed = route.rule.roles;
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        checked++;
        const result = await call(clients[role], route, urlOf(route));
        if (result.status !== 403) wrong.push(`${role}: ${route.method} ${route.path} → ${result.status}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
