// Assignment proposal benchmark (issue #14: proposals for 10,000 seats in under 5 s): libs/domain
// `proposeAssignments` alone, no database. 1,250 districts in 20 Stadtteile, 8 seats each (chair,
// deputy, Schriftführer, deputy, 4 Beisitzer) = 10,000 seats; a pool of 11,000 people: 85 % living
// in a district, 15 % elsewhere; 20 % experienced chairs; 70 % there all day, the others half a day
// or for the count; 10 % wish a colleague, 5 % a district. Deterministic input (xorshift32).
// Ends with one JSON line. Options: `npm run bench:poll-workers -- --districts 1250 --people 11000`.
import { AVAILABILITIES, proposeAssignments, type ProposalDistrict, type ProposalPerson } from '@wahl/domain';

const argument = (name: string, fallback: string): number => {
  const index = process.argv.indexOf(`--${name}`);
  return Number(index === -1 ? fallback : (process.argv[index + 1] ?? fallback));
};
const districtCount = argument('districts', '1250');
const peopleCount = argument('people', '11000');
const runs = argument('runs', '5');

let seed = 0x2545f491;
const random = (): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const districts: ProposalDistrict[] = Array.from({ length: districtCount }, (_, index) => ({
  id: `d${String(index).padStart(5, '0')}`,
  ordinal: index + 1,
  kind: 'polling',
  areaId: `stadtteil-${index % 20}`,
  free: { chair: 1, 'deputy-chair': 1, secretary: 1, 'deputy-secretary': 1, assessor: 4 },
}));
const seats = districtCount * 8;

const people: ProposalPerson[] = Array.from({ length: peopleCount }, (_, index) => ({
  id: `p${String(index).padStart(6, '0')}`,
  homeDistrictId: random() < 0.85 ? pick(districts).id : null,
  wishDistrictId: random() < 0.05 ? pick(districts).id : null,
  wishColleagueId: random() < 0.1 ? `p${String(Math.floor(random() * peopleCount)).padStart(6, '0')}` : null,
  wishFunction: null,
  chairExperience: random() < 0.2,
  availability: random() < 0.7 ? 'all-day' : pick(AVAILABILITIES),
  appointmentsCount: Math.floor(random() * 4),
}));

const timings: number[] = [];
let result = proposeAssignments(districts, people);
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  result = proposeAssignments(districts, people);
  timings.push(performance.now() - start);
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)]!;
const gaps = result.gaps.reduce((sum, gap) => sum + gap.missing, 0);
console.log(
  `${seats} seats, ${peopleCount} people: proposal ${median.toFixed(0)} ms (median of ${runs}), ${result.seats.length} proposed, ${gaps} gaps`,
);
console.log(
  JSON.stringify({
    bench: 'poll-workers',
    seats,
    people: peopleCount,
    proposalMs: Math.round(median),
    worstMs: Math.round(timings[timings.length - 1]!),
    proposed: result.seats.length,
    gaps,
  }),
);
