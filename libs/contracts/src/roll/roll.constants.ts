// Values of the roll's contract that a web app may import as values: no zod in this file, so that
// importing them never pulls the schema library into a bundle.

/** Kinds of change proposals after the Stichtag (R1.20). */
export const PROPOSAL_KINDS = ['moved-away', 'moved-in', 'died', 'name-changed'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'superseded'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Encodings a register file may be read with; `auto` detects UTF-8 or Windows-1252. */
export const REGISTER_ENCODINGS = ['auto', 'utf-8', 'windows-1252'] as const;
export type RegisterEncoding = (typeof REGISTER_ENCODINGS)[number];

export const REGISTER_IMPORT_SOURCES = ['upload', 'cli', 'pull', 'demo'] as const;
export type RegisterImportSource = (typeof REGISTER_IMPORT_SOURCES)[number];

export const REGISTER_IMPORT_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RegisterImportStatusValue = (typeof REGISTER_IMPORT_STATUSES)[number];

export const ROLL_CHANGE_REASONS = [
  'built',
  'proposals',
  'decision',
  'postal-vote',
  'numbers-locked',
  'closed',
  'address-assigned',
] as const;
export type RollChangeReason = (typeof ROLL_CHANGE_REASONS)[number];

/** Socket events of the roll in the office namespace (room of the election). */
export const ROLL_EVENTS = { importStatus: 'roll:import', changed: 'roll:changed' } as const;
