import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoElection, csvLines, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

type Entry = {
  voter_id: number;
  district: string;
  voter_number: number;
  person_id: string;
  family_name: string;
  status: string;
  remarks: string | null;
};

// A Bundestag election on 23.02.2025: its Stichtag (17.08.2025) has passed, so the built roll is
// frozen and a later register import only proposes changes, which a clerk decides (R1.20).
describe('frozen roll and change proposals', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  let lines: string[];
  let before: Entry[];
  const base = () => `/api/elections/${demo.electionId}/roll`;

  const entries = async (): Promise<Entry[]> =>
    testApp.dataSource.query(
      `SELECT e.voter_id, d.number AS district, e.voter_number, e.person_id, e.family_name, e.status, e.remarks
       FROM roll_voters e JOIN districts d ON d.id = e.district_id WHERE e.election_id = $1 ORDER BY e.voter_id`,
      [demo.electionId],
    );
  const lineOf = (personId: string): number => lines.findIndex((l) => l.startsWith(`${personId};`));
  const setField = (index: number, field: number, value: string): void => {
    const fields = lines[index]!.split(';');
    fields[field] = value;
    lines[index] = fields.join(';');
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    demo = await createDemoElection(testApp, '2025-09-28');
    const csv = registerCsv(demo.definition, 2000, 'changes-spec');
    lines = csvLines(csv);
    expect((await uploadRegister(demo.office.clerk, demo.electionId, csv)).body.status).toBe('succeeded');
    expect((await demo.office.clerk.post(`${base()}/build`)).status).toBe(200);
    before = await entries();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should refuse to rebuild a frozen roll', async () => {
    const again = await demo.office.clerk.post(`${base()}/build`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(
      'Das Wählerverzeichnis ist seit dem Stichtag (17.08.2025) eingefroren. Spätere Melderegister-Importe erzeugen Änderungsvorschläge.',
    );
    expect((await demo.office.clerk.get(`${base()}/summary`)).body.status).toBe('frozen');
  });

  it('should turn a later import into proposals: died, name changed, moved away (twice), moved in', async () => {
    const [died, renamed, movedWithin, secondary] = [before[0]!, before[1]!, before[2]!, before[3]!];
    // Moved within the municipality: to the first house number of a segment of another district.
    const target = demo.definition.streets
      .flatMap((street) => street.segments.map((segment) => ({ street, segment })))
      .find(({ segment }) => segment.parity === 'all' && segment.district !== movedWithin.district && /^\d+$/.test(segment.from))!;
    const movedLine = lineOf(movedWithin.person_id);
    setField(movedLine, 7, target.street.key);
    setField(movedLine, 8, target.street.name);
    setField(movedLine, 9, target.segment.from);
    setField(movedLine, 10, '');
    setField(movedLine, 11, target.street.postalCode);
    setField(lineOf(renamed.person_id), 1, 'Neuname');
    setField(lineOf(secondary.person_id), 13, 'N');
    lines.splice(lineOf(died.person_id), 1);
    lines.push(
      `NEU00001;Zuletzt;Erika;;04.05.1971;w;DE;${target.street.key};${target.street.name};${target.segment.from};;${target.street.postalCode};Wahlingen;H;01.06.2015;;0;0`,
    );

    const result = await uploadRegister(demo.office.clerk, demo.electionId, lines.join('\n') + '\n');
    expect(result.body).toMatchObject({ status: 'succeeded', proposalsCreated: 5 });
    expect(result.body.message).toContain('eingefroren: 5 Änderungsvorschläge');
    // The frozen roll itself has not changed.
    expect(await entries()).toEqual(before);

    const list = (await demo.office.clerk.get(`${base()}/change-proposals?status=open`)).body;
    expect(list.total).toBe(5);
    expect(list.items.map((p: { kind: string }) => p.kind).sort()).toEqual([
      'died',
      'moved-away',
      'moved-away',
      'moved-in',
      'name-changed',
    ]);
    const nameChange = list.items.find((p: { kind: string }) => p.kind === 'name-changed');
    expect(nameChange).toMatchObject({
      kindLabel: 'Name geändert',
      voterId: renamed.voter_id,
      details: { before: { familyName: renamed.family_name }, after: { familyName: 'Neuname' } },
    });
    const movedIn = list.items.find((p: { kind: string }) => p.kind === 'moved-in');
    expect(movedIn.details.after).toMatchObject({ familyName: 'Zuletzt', givenNames: 'Erika', districtNumber: target.segment.district });
    expect((await demo.office.clerk.get(`${base()}/summary`)).body.openProposals).toBe(5);
  });

  it('should apply decisions one by one and in bulk, keep every other number, and audit who, when and why', async () => {
    const list = (await demo.office.clerk.get(`${base()}/change-proposals?status=open`)).body.items as {
      id: string;
      kind: string;
      voterId: number | null;
      details: { after?: { districtNumber: string } };
    }[];
    const of = (kind: string) => list.filter((p) => p.kind === kind);

    const rejected = await demo.office.clerk.post(`${base()}/change-proposals/${of('name-changed')[0]!.id}/decision`, {
      decision: 'reject',
      reason: 'Namensänderung noch nicht beurkundet',
    });
    expect(rejected.body).toEqual({ decided: 1, accepted: 0, rejected: 1, added: 0 });
    const died = await demo.office.clerk.post(`${base()}/change-proposals/${of('died')[0]!.id}/decision`, {
      decision: 'accept',
      reason: 'Sterbefallanzeige des Standesamts',
    });
    expect(died.body).toEqual({ decided: 1, accepted: 1, rejected: 0, added: 0 });
    const again = await demo.office.clerk.post(`${base()}/change-proposals/${of('died')[0]!.id}/decision`, {
      decision: 'reject',
      reason: 'doppelt',
    });
    expect(again.status).toBe(409);
    const bulk = await demo.office.officeAdmin.post(`${base()}/change-proposals/decisions`, {
      decision: 'accept',
      reason: 'Abgleich mit dem Melderegister vom Tag',
    });
    expect(bulk.body).toEqual({ decided: 3, accepted: 3, rejected: 0, added: 2 });

    const after = await entries();
    const [diedVoter, renamed, movedWithin, secondary] = before;
    const find = (voterId: number) => after.find((e) => e.voter_id === voterId)!;
    expect(find(diedVoter!.voter_id)).toMatchObject({ status: 'removed', voter_number: diedVoter!.voter_number });
    expect(find(diedVoter!.voter_id).remarks).toMatch(/^\d{2}\.\d{2}\.\d{4}: Sterbefallanzeige des Standesamts – verstorben/);
    expect(find(renamed!.voter_id)).toMatchObject({ status: 'active', family_name: renamed!.family_name });
    expect(find(secondary!.voter_id)).toMatchObject({ status: 'removed' });
    expect(find(movedWithin!.voter_id)).toMatchObject({ status: 'removed' });
    // Additions: the next free numbers of their districts, the next voter ids.
    const added = after.filter((e) => e.voter_id > before.length);
    expect(added.map((e) => e.person_id).sort()).toEqual(['NEU00001', movedWithin!.person_id].sort());
    for (const entry of added) {
      const lastBefore = Math.max(...before.filter((e) => e.district === entry.district).map((e) => e.voter_number));
      expect(entry.voter_number).toBeGreaterThan(lastBefore);
      expect(entry.voter_number).toBeLessThanOrEqual(lastBefore + 2);
    }
    // Nobody else's entry moved (R1.14).
    const untouched = new Set([diedVoter, renamed, movedWithin, secondary].map((e) => e!.voter_id));
    expect(after.filter((e) => e.voter_id <= before.length && !untouched.has(e.voter_id))).toEqual(
      before.filter((e) => !untouched.has(e.voter_id)),
    );

    const audit = await testApp.dataSource.query(
      `SELECT actor_username, action, reason, details->>'kind' AS kind FROM roll_audit_entries WHERE election_id = $1 AND action LIKE 'proposal-%' ORDER BY at, kind`,
      [demo.electionId],
    );
    expect(audit).toHaveLength(5);
    expect(audit[0]).toMatchObject({
      actor_username: 'u08199001-clerk',
      action: 'proposal-rejected',
      reason: 'Namensänderung noch nicht beurkundet',
      kind: 'name-changed',
    });
    expect(audit.filter((a: { action: string }) => a.action === 'proposal-accepted')).toHaveLength(4);
    expect(audit.slice(2).every((a: { actor_username: string }) => a.actor_username === 'u08199001-office-admin')).toBe(true);
    expect((await demo.office.clerk.get(`${base()}/change-proposals?status=open`)).body.total).toBe(0);
  });

  it('should supersede undecided proposals when a newer register arrives, and ask for a reason', async () => {
    const renamedLine = lineOf(before[5]!.person_id);
    const fields = lines[renamedLine]!.split(';');
    fields[2] = 'Anders';
    lines[renamedLine] = fields.join(';');
    const first = await uploadRegister(demo.office.clerk, demo.electionId, lines.join('\n') + '\n');
    expect(first.body.proposalsCreated).toBeGreaterThanOrEqual(1);
    const open = (await demo.office.clerk.get(`${base()}/change-proposals?status=open`)).body;
    fields[2] = 'Nochmals';
    lines[renamedLine] = fields.join(';');
    await uploadRegister(demo.office.clerk, demo.electionId, lines.join('\n') + '\n');
    const superseded = (await demo.office.clerk.get(`${base()}/change-proposals?status=superseded`)).body;
    expect(superseded.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(open.items.map((p: { id: string }) => p.id)));
    const noReason = await demo.office.clerk.post(`${base()}/change-proposals/decisions`, { decision: 'accept', reason: ' ' });
    expect(noReason.status).toBe(422);
  });
});
