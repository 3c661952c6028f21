import type { ElectionKind } from '../election/election-definition.types';

// The quorum of a polling-station board (Wahlvorstand), BWO § 6(8),(9); DOMAIN.md R7.5, R7.6.

/** A board member's function on the day; a substitute (§ 6(9)) is filled in as a Beisitzer. */
export const BOARD_ROLES = ['chair', 'deputy-chair', 'secretary', 'deputy-secretary', 'assessor'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

/** During voting three members suffice; the count needs five (BWO § 6(8) S. 2, (9) S. 1). */
export const BOARD_PHASES = ['voting', 'count'] as const;
export type BoardPhase = (typeof BOARD_PHASES)[number];

export type PresentMember = { readonly role: BoardRole };

export type QuorumShortfall = 'chair' | 'secretary' | 'members';

export type QuorumCheck = {
  readonly phase: BoardPhase;
  readonly present: number;
  readonly required: number;
  readonly met: boolean;
  /** What is missing, in the order the chair would fix it. */
  readonly missing: readonly QuorumShortfall[];
};

/**
 * Which Land rule applies: `federal` – BWO § 6(8),(9), also BW Landtag (LWG § 18(4)): 3 while voting,
 * 5 for the count; `bw-municipal` – KomWG § 14(4): at least 3 incl. chair and Schriftführer, with no
 * separate count quorum.
 */
export const QUORUM_RULES = ['federal', 'bw-municipal'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

const REQUIRED: Readonly<Record<QuorumRule, Readonly<Record<BoardPhase, number>>>> = {
  federal: { voting: 3, count: 5 },
  'bw-municipal': { voting: 3, count: 3 },
};

const BW_MUNICIPAL: readonly ElectionKind[] = ['gemeinderat-bw', 'kreistag-bw', 'buergermeister-bw'];

/** The Land rule of an election: BW municipal elections follow the KomWG, all others the BWO scheme. */
export const quorumRuleFor = (kind: ElectionKind): QuorumRule => (BW_MUNICIPAL.includes(kind) ? 'bw-municipal' : 'federal');

/**
 * BWO § 6(8): during voting the Wahlvorsteher and the Schriftführer (or their deputies) and at least
 * one Beisitzer are present (3); § 6(9): during the count at least five, again with the chair and the
 * Schriftführer or their deputies. The deputy chair is also a Beisitzer (BWahlG § 9(2)), so any member
 * beyond the chair and the Schriftführer counts towards the total. Under the BW municipal rule the
 * three of the voting quorum also suffice for the count (KomWG § 14(4)).
 */
export function checkBoardQuorum(members: readonly PresentMember[], phase: BoardPhase, rule: QuorumRule = 'federal'): QuorumCheck {
  const has = (...roles: BoardRole[]): boolean => members.some((member) => roles.includes(member.role));
  const required = REQUIRED[rule][phase];
  const missing: QuorumShortfall[] = [];
  if (!has('chair', 'deputy-chair')) missing.push('chair');
  if (!has('secretary', 'deputy-secretary')) missing.push('secretary');
  if (members.length < required) missing.push('members');
  return { phase, present: members.length, required, met: missing.length === 0, missing };
}
