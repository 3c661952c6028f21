import { describe, expect, it } from 'vitest';
import { proposeAssignments, type ProposalDistrict, type ProposalPerson } from './assignment-proposal';

const district = (id: string, ordinal: number, free: ProposalDistrict['free'], areaId: string | null = 'A'): ProposalDistrict => ({
  id,
  ordinal,
  kind: 'polling',
  areaId,
  free,
});

const person = (id: string, homeDistrictId: string | null, extra: Partial<ProposalPerson> = {}): ProposalPerson => ({
  id,
  homeDistrictId,
  wishDistrictId: null,
  wishColleagueId: null,
  wishFunction: null,
  chairExperience: false,
  availability: 'all-day',
  appointmentsCount: 0,
  ...extra,
});

const seatsOf = (result: ReturnType<typeof proposeAssignments>) =>
  result.seats.map((s) => `${s.districtId}/${s.function}:${s.personId}`).sort();

describe('proposeAssignments', () => {
  it('should make the experienced resident chair and the other Beisitzer', () => {
    const result = proposeAssignments(
      [district('D1', 1, { chair: 1, assessor: 1 })],
      [person('a1', 'D1'), person('a2', 'D1', { chairExperience: true })],
    );
    expect(seatsOf(result)).toEqual(['D1/assessor:a1', 'D1/chair:a2']);
    expect(result.gaps).toEqual([]);
  });

  it('should take the nearest district first, the lower one on a tie', () => {
    const districts = [1, 2, 3, 4, 5].map((n) => district(`D${n}`, n, n === 3 ? { assessor: 1 } : {}));
    expect(seatsOf(proposeAssignments(districts, [person('p5', 'D5'), person('p4', 'D4'), person('p2', 'D2')]))).toEqual([
      'D3/assessor:p2',
    ]);
    expect(seatsOf(proposeAssignments(districts, [person('p5', 'D5'), person('p4', 'D4')]))).toEqual(['D3/assessor:p4']);
  });

  it('should take someone living elsewhere before a resident of a far district', () => {
    const districts = [1, 2, 3, 4, 5, 6].map((n) => district(`D${n}`, n, n === 1 ? { assessor: 1 } : {}));
    // D6 is 5 districts away, beyond the nearby radius of 3.
    expect(seatsOf(proposeAssignments(districts, [person('far', 'D6'), person('out', null)]))).toEqual(['D1/assessor:out']);
    expect(seatsOf(proposeAssignments(districts, [person('far', 'D6')]))).toEqual(['D1/assessor:far']);
  });

  it('should prefer a neighbour of the same Stadtteil', () => {
    const districts = [district('N1', 1, { assessor: 1 }, 'Nord'), district('N2', 2, {}, 'Nord'), district('S1', 1, {}, 'Süd')];
    expect(seatsOf(proposeAssignments(districts, [person('s', 'S1'), person('n', 'N2')]))).toEqual(['N1/assessor:n']);
  });

  it('should give chair and Schriftführer only to people there all day, and report the gap', () => {
    const result = proposeAssignments(
      [district('D1', 1, { chair: 1, secretary: 1, assessor: 1 })],
      [person('m', 'D1', { availability: 'morning' }), person('c', 'D1', { availability: 'count' })],
    );
    expect(seatsOf(result)).toEqual(['D1/assessor:c']);
    expect(result.gaps).toEqual([
      { districtId: 'D1', function: 'chair', missing: 1 },
      { districtId: 'D1', function: 'secretary', missing: 1 },
    ]);
  });

  it('should bring an experienced chair from nearby rather than make an inexperienced resident chair', () => {
    const districts = [district('D1', 1, { chair: 1, assessor: 1 }), district('D2', 2, {})];
    const result = proposeAssignments(districts, [person('new', 'D1'), person('old', 'D2', { chairExperience: true })]);
    expect(seatsOf(result)).toEqual(['D1/assessor:new', 'D1/chair:old']);
  });

  it('should honour a wished district and a wished function', () => {
    const districts = [district('D1', 1, { chair: 1 }), district('D2', 2, { assessor: 1 })];
    const result = proposeAssignments(districts, [
      person('w', 'D1', { wishDistrictId: 'D2', wishFunction: 'assessor', chairExperience: true }),
      person('r', 'D1'),
    ]);
    expect(seatsOf(result)).toEqual(['D1/chair:r', 'D2/assessor:w']);
  });

  it('should keep someone who wished a later board for it, instead of seating them at home first', () => {
    // D1 comes first; w lives there but wished D2: the home board takes r, w goes to D2.
    const districts = [district('D1', 1, { assessor: 1 }), district('D2', 2, { assessor: 1 })];
    const result = proposeAssignments(districts, [person('a-w', 'D1', { wishDistrictId: 'D2' }), person('b-r', 'D1')]);
    expect(seatsOf(result)).toEqual(['D1/assessor:b-r', 'D2/assessor:a-w']);
  });

  it('should seat two colleagues on the board one of them wished, not at the other one’s home', () => {
    // c lives in D1 and wants to serve with w, who wished D3: both go to D3; r fills D1 and D2.
    const districts = [1, 2, 3].map((n) => district(`D${n}`, n, { assessor: n === 3 ? 2 : 1 }));
    const result = proposeAssignments(districts, [
      person('c', 'D1', { wishColleagueId: 'w' }),
      person('w', 'D2', { wishDistrictId: 'D3' }),
      person('r1', 'D1'),
      person('r2', 'D2'),
    ]);
    expect(seatsOf(result)).toEqual(['D1/assessor:r1', 'D2/assessor:r2', 'D3/assessor:c', 'D3/assessor:w']);
  });

  it('should seat colleagues on the same board', () => {
    const districts = [district('D1', 1, { assessor: 2 }), district('D2', 2, { assessor: 1 })];
    const result = proposeAssignments(districts, [person('q', 'D1'), person('p', 'D2', { wishColleagueId: 'q' }), person('r', 'D2')]);
    // q is placed first (D1); p wished to serve with q and follows; r fills D2.
    expect(seatsOf(result)).toEqual(['D1/assessor:p', 'D1/assessor:q', 'D2/assessor:r']);
  });

  it('should propose the same whatever the input order', () => {
    const districts = [1, 2, 3, 4].map((n) => district(`D${n}`, n, { chair: 1, secretary: 1, assessor: 3 }));
    const people = Array.from({ length: 18 }, (_, i) =>
      person(`p${String(i).padStart(2, '0')}`, `D${(i % 4) + 1}`, { chairExperience: i % 5 === 0, appointmentsCount: i % 3 }),
    );
    const forward = proposeAssignments(districts, people);
    const backward = proposeAssignments([...districts].reverse(), [...people].reverse());
    expect(backward).toEqual(forward);
    expect(forward.seats).toHaveLength(18);
    // D3 and D4 have four residents each for five seats.
    expect(forward.gaps).toEqual([
      { districtId: 'D3', function: 'assessor', missing: 1 },
      { districtId: 'D4', function: 'assessor', missing: 1 },
    ]);
  });
});
