import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { OFFICE_NAMESPACE } from '@wahl/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../apps/api/src/create-app';
import { ensureAdmin } from '../../apps/api/src/modules/identity/admin-bootstrap';
import { Database } from '../../apps/api/src/platform/database/database';
import { RollService } from '../../apps/api/src/modules/roll/roll.service';
import { loadAppConfig } from '../../apps/api/src/platform/config/app-config';
import { DataSource } from 'typeorm';
import { httpClient } from '../support/http';
import { enumerateRoutes, fillPath } from '../support/routes';
import { bearerOf, createDemoElection, csvLines, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';

// Voter data never reaches a public endpoint, a WebSocket message or the application log (R8.1,
// R8.5): a resident with an unmistakable name goes through import, a failed import quoting the
// name, build, search, printouts and a Wahlschein mark, while the log is captured at the finest
// level and two sockets (office room, anonymous) record every event.
const FAMILY = 'Zwetschgenbaum';
const GIVEN = 'Ottilie Amalie';

describe('roll privacy', () => {
  let testApp: TestApp;
  let database: TestDatabase;
  let demo: DemoElection;
  const log: string[] = [];
  const socketEvents: string[] = [];
  const publicBodies: string[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadAppConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'trace', DATABASE_URL: database.url });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        log.push(String(chunk));
        done();
      },
    });
    const app = await createApp(config, database.url, pino({ level: 'trace' }, sink));
    await app.listen(0, '127.0.0.1');
    const dataSource = app.get(DataSource);
    await ensureAdmin(app.get(Database), TEST_ADMIN_PASSWORD);
    const { port } = app.getHttpServer().address() as { port: number };
    testApp = { app, baseUrl: `http://127.0.0.1:${port}`, database, dataSource, config, close: async () => app.close() };
    demo = await createDemoElection(testApp);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await testApp.close();
    await database.drop();
  });

  const connect = async (auth: Record<string, string>): Promise<Socket> => {
    const socket = io(`${testApp.baseUrl}${OFFICE_NAMESPACE}`, { path: '/socket.io', transports: ['websocket'], auth });
    sockets.push(socket);
    socket.onAny((event: string, ...payload: unknown[]) => socketEvents.push(`${event} ${JSON.stringify(payload)}`));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };

  it('should keep a known voter out of public answers, socket messages and the log', async () => {
    const token = (await bearerOf(demo.office.clerk)).authorization!.replace('Bearer ', '');
    const office = await connect({ token });
    expect(await office.emitWithAck('office:join-election', { electionId: demo.electionId })).toMatchObject({ ok: true });
    await connect({});

    const lines = csvLines(registerCsv(demo.definition, 800, 'privacy-spec'));
    const street = demo.definition.streets[0]!;
    const known = `88888888;${FAMILY};${GIVEN};;17.03.1961;w;DE;${street.key};${street.name};${street.segments[0]!.from};;${street.postalCode};Wahlingen;H;;;0;0`;
    // A failed import whose report quotes the name (a control character in it).
    const broken = await uploadRegister(
      demo.office.clerk,
      demo.electionId,
      [...lines, known.replace(FAMILY, `${FAMILY}\u0007`)].join('\n'),
    );
    expect(broken.body.status).toBe('failed');
    expect(JSON.stringify(broken.body.errors)).toContain(FAMILY); // shown to the office staff only
    expect((await uploadRegister(demo.office.clerk, demo.electionId, [...lines, known].join('\n'))).body.status).toBe('succeeded');
    expect((await demo.office.clerk.post(`/api/elections/${demo.electionId}/roll/build`)).status).toBe(200);

    const found = await demo.office.clerk.post(`/api/elections/${demo.electionId}/roll/search`, {
      familyName: FAMILY,
      birthDate: '17.03.1961',
    });
    expect(found.body.results).toHaveLength(1);
    const voter = found.body.results[0];
    await demo.office.clerk.get(`/api/elections/${demo.electionId}/roll/districts/${voter.districtId}/roll.csv`);
    await fetch(`${testApp.baseUrl}/api/elections/${demo.electionId}/roll/districts/${voter.districtId}/roll.pdf`, {
      headers: await bearerOf(demo.office.clerk),
    });
    await demo.office.clerk.get(`/api/elections/${demo.electionId}/roll/unmatched`);
    await testApp.app.get(RollService).markPostalVote(demo.electionId, voter.voterId, 'WS-4711');

    // Every public route, with this election's and district's real ids where it names them.
    const ids: Record<string, string> = { electionId: demo.electionId, id: demo.electionId, districtId: voter.districtId };
    const anonymous = httpClient(testApp.baseUrl);
    const publicRoutes = enumerateRoutes(testApp.app).filter((r) => r.rule?.public && !/^\/api\/docs/.test(r.path));
    expect(publicRoutes.length).toBeGreaterThan(3);
    for (const route of publicRoutes) {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const { url } = fillPath(route.path, Object.fromEntries(names.map((n) => [n, ids[n] ?? randomUUID()])));
      const result = route.method === 'GET' ? await anonymous.get(url) : await anonymous.post(url, {});
      publicBodies.push(`${route.method} ${route.path} ${typeof result.body === 'string' ? result.body : JSON.stringify(result.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The checks are not vacuous: the log, the sockets and the public routes did say something.
    expect(log.some((line) => line.includes('register import'))).toBe(true);
    expect(socketEvents.some((event) => event.startsWith('roll:import'))).toBe(true);
    expect(socketEvents.some((event) => event.startsWith('roll:changed'))).toBe(true);
    for (const text of [FAMILY, GIVEN, '1961-03-17', '17.03.1961', '88888888']) {
      expect(log.filter((line) => line.includes(text))).toEqual([]);
      expect(socketEvents.filter((event) => event.includes(text))).toEqual([]);
      expect(publicBodies.filter((body) => body.includes(text))).toEqual([]);
    }
  });
});
