import { expect } from 'vitest';
import { signInBoard, type BoardSession } from './election-night';
import type { HttpClient } from './http';
import type { TestApp } from './test-app';

/**
 * Confirms quick reports the way a board does: one code per district, an entry by one member and the
 * approval by another (four eyes). `confirm(number, report)` stores and confirms one district's report.
 */
export async function reportingBoards(testApp: TestApp, officeAdmin: HttpClient, electionId: string) {
  const districts: Record<string, string> = {};
  for (const row of await testApp.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]))
    districts[row.number] = row.id;
  const generated = await officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
  expect(generated.status).toBe(201);
  const boards: Record<string, [BoardSession, BoardSession]> = {};
  for (const code of generated.body.codes) {
    const number = code.districts[0].number;
    boards[number] = [
      await signInBoard(testApp.baseUrl, code.code, `Erfasser ${number}`),
      await signInBoard(testApp.baseUrl, code.code, `Prüfer ${number}`),
    ];
  }
  const confirm = async (number: string, report: object): Promise<void> => {
    const [entry, approval] = boards[number]!;
    const url = `/api/elections/${electionId}/districts/${districts[number]}/reports`;
    const current = (await entry.client.get(url)).body.currentVersion;
    const entered = await entry.client.post(url, { ...report, expectedVersion: current });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const approved = await approval.client.post(`${url}/${entered.body.version}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  };
  return { districts, confirm };
}
