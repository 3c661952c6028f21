import type { BoardRole } from '@wahl/domain';
import type { TestApp } from './test-app';

// Poll workers on the boards of an election, written straight into the poll-worker tables (the
// people and assignment screens are another part of the work): one pool entry and one seat each.

export type SeatSeed = {
  readonly familyName: string;
  readonly givenNames: string;
  readonly districtNumber: string;
  readonly function: BoardRole;
  readonly state?: 'proposed' | 'appointed' | 'confirmed';
};

export type SeededSeat = SeatSeed & { readonly personId: string; readonly assignmentId: string; readonly districtId: string };

export async function seedPollWorkerSeats(
  testApp: TestApp,
  electionId: string,
  officeId: string,
  seats: readonly SeatSeed[],
): Promise<SeededSeat[]> {
  const districts: { id: string; number: string }[] = await testApp.dataSource.query(
    'SELECT id, number FROM districts WHERE election_id = $1',
    [electionId],
  );
  const byNumber = new Map(districts.map((district) => [district.number, district.id]));
  const seeded: SeededSeat[] = [];
  for (const [index, seat] of seats.entries()) {
    const districtId = byNumber.get(seat.districtNumber);
    if (!districtId) throw new Error(`no district ${seat.districtNumber}`);
    const [person] = await testApp.dataSource.query(
      `INSERT INTO poll_workers (office_id, family_name, given_names, birth_date, street, postal_code, city, source)
       VALUES ($1, $2, $3, '1980-05-01', $4, '76990', 'Kleinhausen', 'office') RETURNING id`,
      [officeId, seat.familyName, seat.givenNames, `Hauptstraße ${index + 1}`],
    );
    await testApp.dataSource.query(
      `INSERT INTO poll_worker_pool (election_id, person_id, source, eligibility, availability) VALUES ($1, $2, 'office', 'register', 'all-day')`,
      [electionId, person.id],
    );
    const [assignment] = await testApp.dataSource.query(
      `INSERT INTO poll_worker_assignments (election_id, person_id, district_id, function, state, state_changed_at)
       VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
      [electionId, person.id, districtId, seat.function, seat.state ?? 'proposed'],
    );
    seeded.push({ ...seat, personId: person.id, assignmentId: assignment.id, districtId });
  }
  return seeded;
}
