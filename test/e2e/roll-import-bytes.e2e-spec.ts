import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RegisterImportRepository } from '../../apps/api/src/modules/roll/import/register-import.repository';
import { RollElectionService } from '../../apps/api/src/modules/roll/shared/roll-election.service';
import { createDemoElection, csvLines, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #17, finding 5: bytes of a register that must not garble or hang an import.
describe('register import: bad bytes', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  let lines: string[];

  const jobsRunning = async (electionId: string): Promise<number> => {
    const [row] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM register_imports WHERE election_id = $1 AND status = 'running'`,
      [electionId],
    );
    return row.n as number;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    demo = await createDemoElection(testApp);
    lines = csvLines(registerCsv(demo.definition, 60, 'bytes-spec'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  const utf8File = (edit: (lines: string[]) => string[]): Buffer => Buffer.from(edit([...lines]).join('\n') + '\n', 'utf8');

  it('should refuse a UTF-8 file with one invalid byte in auto mode, naming line and byte offset, and import nothing', async () => {
    const text = utf8File((l) => [
      ...l.slice(0, 20),
      '99999901;Müßig;Jörg;;01.02.1960;m;DE;00010;Ackerstraße;5;;71994;Wahlingen;H;;;0;0',
      ...l.slice(20),
    ]);
    // Line 9: a lone 0xFC (Windows-1252 "ü") in an otherwise UTF-8 file with umlauts in line 21.
    const lineStart = text.indexOf(Buffer.from(lines[8]!, 'utf8'));
    const bytes = Buffer.concat([text.subarray(0, lineStart + 3), Buffer.from([0xfc]), text.subarray(lineStart + 3)]);
    const result = await uploadRegister(demo.office.clerk, demo.electionId, bytes);
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'failed', rowsImported: 0 });
    expect(result.body.errors[0].reason).toContain(`Zeile 9 enthält das Byte 0xFC (Byte ${lineStart + 4} der Datei)`);
    expect(result.body.errors[0].reason).toContain('„Windows-1252“ ausdrücklich');
    expect(await jobsRunning(demo.electionId)).toBe(0);

    // The office's explicit choice reads the bytes as they are.
    const chosen = await uploadRegister(demo.office.clerk, demo.electionId, bytes, { encoding: 'windows-1252' });
    expect(chosen.body).toMatchObject({ status: 'succeeded', encoding: 'windows-1252', rowsImported: lines.length });
  });

  it('should report a NUL byte in a register line as a bad line (no 500, no job left running)', async () => {
    const withNul = utf8File((l) => {
      l[5] = l[5]!.replace(';', '\u0000;');
      return l;
    });
    const result = await uploadRegister(demo.office.clerk, demo.electionId, withNul);
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'failed', rowsImported: 0, rowsRejected: 1 });
    expect(result.body.errors[0]).toMatchObject({ line: 6, column: 'person_id' });
    expect(result.body.errors[0].value).toContain('\u2400');
    expect(await jobsRunning(demo.electionId)).toBe(0);

    const skipped = await uploadRegister(demo.office.clerk, demo.electionId, withNul, { skipInvalid: true });
    expect(skipped.status).toBe(201);
    expect(skipped.body).toMatchObject({ status: 'succeeded', rowsRejected: 1, rowsImported: lines.length - 2 });
    const report = await demo.office.clerk.get(skipped.body.rejectedReportUrl);
    expect(report.status).toBe(200);
    expect(report.body as string).toContain('6;person_id;');
    expect(await jobsRunning(demo.electionId)).toBe(0);
  });

  it('should leave no job running when even its failure report cannot be stored', async () => {
    const repository = testApp.app.get(RegisterImportRepository);
    const finish = vi.spyOn(repository, 'finish').mockRejectedValue(Object.assign(new Error('lost'), { code: '08006' }));
    try {
      const result = await uploadRegister(
        demo.office.clerk,
        demo.electionId,
        utf8File((l) => l.slice(0, 10)),
      );
      expect(finish).toHaveBeenCalled();
      expect(result.status).toBe(201);
      expect(result.body.status).toBe('failed');
      expect(result.body.message).toContain('abgebrochen');
    } finally {
      finish.mockRestore();
    }
    expect(await jobsRunning(demo.electionId)).toBe(0);
  });

  it('should fail an import whose runs keep failing, remove its stored file and leave nothing running', async () => {
    // Every run of the job fails before it reads a line (as if its process kept dying): pg-boss retries it, then gives it up.
    const elections = testApp.app.get(RollElectionService, { strict: false });
    const systemActor = vi.spyOn(elections, 'systemActor').mockRejectedValue(Object.assign(new Error('lost'), { code: '08006' }));
    try {
      const result = await uploadRegister(
        demo.office.clerk,
        demo.electionId,
        utf8File((l) => l.slice(0, 10)),
      );
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({
        status: 'failed',
        rowsImported: 0,
        message: 'Der Import wurde mehrmals unterbrochen. Es wurde nichts übernommen; bitte erneut starten.',
      });
      expect(systemActor.mock.calls.length).toBe(6);
      expect(existsSync(join(testApp.config.dataDir, 'register-imports', `${result.body.id}.csv`))).toBe(false);
    } finally {
      systemActor.mockRestore();
    }
    expect(await jobsRunning(demo.electionId)).toBe(0);
  }, 60_000);
});
