// A synthetic municipality for the in-process measurements (issue 16): Stadtteile of 9 polling
// districts and one postal district each, about one district in twenty below the R8.5 thresholds.
import type { QuickReport } from '@wahl/domain';
import { buildElectionNightContext } from '../../apps/api/src/modules/elections/read-model/election-night-context';

const PER_STADTTEIL = 10;

// Small deterministic PRNG (mulberry32) so every run measures the same data.
let seed = 20250223;
export const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const contextOf = (count: number) => {
  const stadtteile = Math.ceil(count / PER_STADTTEIL);
  const districts = Array.from({ length: count }, (_, ordinal) => {
    const group = Math.floor(ordinal / PER_STADTTEIL);
    const postal = ordinal % PER_STADTTEIL === PER_STADTTEIL - 1;
    return {
      id: `d${ordinal}`,
      ordinal,
      areaId: postal ? null : `s${group}`,
      number: String(ordinal + 1).padStart(6, '0'),
      name: `Bezirk ${ordinal + 1}`,
      kind: postal ? ('postal' as const) : ('polling' as const),
      postalDistrictId: postal ? null : `d${group * PER_STADTTEIL + PER_STADTTEIL - 1}`,
      pollingStationId: null,
    };
  });
  return buildElectionNightContext({
    election: {
      id: 'e',
      officeId: 'o',
      name: 'Messwahl',
      kind: 'bundestag',
      electionDay: '2025-02-23',
      previousElectionName: null,
      municipalityAgs: '08999001',
      municipalityName: 'Messstadt',
      constituencyNumber: null,
      constituencyName: null,
    },
    areas: Array.from({ length: stadtteile }, (_, index) => ({
      id: `s${index}`,
      ordinal: index,
      key: String(index + 1),
      name: `Stadtteil ${index + 1}`,
      kind: 'stadtteil' as const,
      parentId: null,
    })),
    districts,
    stations: [],
    contests: [{ id: 'z', key: 'z', name: 'Zweitstimme', votesPerBallot: 1, ballotType: 'list' }],
    lists: ['a', 'b', 'c', 'd', 'e', 'f'].map((key, index) => ({
      id: `l${key}`,
      contestId: 'z',
      key,
      ballotPosition: index + 1,
      shortName: key.toUpperCase(),
      name: `Liste ${key.toUpperCase()}`,
      color: '#333333',
    })),
    previousResults: [],
  });
};

export const reportOf = (districtId: string, postal: boolean): QuickReport => {
  const small = random() < 0.05;
  const voters = small ? 10 + Math.floor(random() * 30) : 300 + Math.floor(random() * 600);
  const votes: Record<string, number> = {};
  let left = voters;
  for (const key of ['a', 'b', 'c', 'd', 'e']) {
    const share = Math.floor(left * random() * 0.5);
    votes[key] = share;
    left -= share;
  }
  votes['f'] = left;
  const eligible = postal ? null : Math.round(voters * 1.4);
  return {
    districtId,
    districtKind: postal ? 'postal' : 'polling',
    A: eligible,
    A1: eligible,
    A2: postal ? null : 0,
    A3: postal ? null : 0,
    B: voters,
    B1: 0,
    contests: [{ contestId: 'z', invalid: 0, valid: voters, votes }],
  };
};
