// Refreshment money (Erfrischungsgeld, DOMAIN.md R7.19) for the members of the boards: an amount
// per function, set per election, and the payment list the transfer file and the CSV are made from.
// Amounts are whole cents throughout; euros appear only when a file is written.
import { BOARD_ROLES, type BoardRole } from '../polling-day/board-quorum';

/** Cents per Wahltag for each function. */
export type RefreshmentRates = Readonly<Record<BoardRole, number>>;

/** The highest amount the office may set per function (a typo guard, far above any local Satzung). */
export const MAX_REFRESHMENT_CENTS = 100_000;

// BWO § 10(2): 35 € for the Wahlvorsteher, 25 € for every other member (unchanged in 2024); the same
// for the Landtag in BW (LWO BW § 9(2)) and the European election (EuWO § 10(2)). Municipal elections
// pay under the local Entschädigungssatzung (R7.19 [UNCERTAIN]): the federal amounts are only the
// starting values the office overwrites.
const CHAIR_CENTS = 3500;
const MEMBER_CENTS = 2500;

export const DEFAULT_REFRESHMENT_RATES: RefreshmentRates = Object.freeze(
  Object.fromEntries(BOARD_ROLES.map((role) => [role, role === 'chair' ? CHAIR_CENTS : MEMBER_CENTS])) as Record<BoardRole, number>,
);

/** A member who served (or will serve) on a board of the election. */
export type ServedSeat = {
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly districtNumber: string;
  readonly function: BoardRole;
  /** Normalised IBAN (no spaces, upper case) or null: then the money is paid in cash on the day. */
  readonly iban: string | null;
  /** Account holder when it is not the member. */
  readonly accountHolder: string | null;
};

export type PaymentMethod = 'transfer' | 'cash';

export type PaymentLine = ServedSeat & {
  readonly amountCents: number;
  readonly method: PaymentMethod;
  /** Who receives the transfer: the account holder, else the member. */
  readonly payee: string;
};

export type PaymentList = {
  readonly lines: readonly PaymentLine[];
  readonly totalCents: number;
  readonly transfer: { readonly count: number; readonly cents: number };
  readonly cash: { readonly count: number; readonly cents: number };
};

const ROLE_ORDER = new Map(BOARD_ROLES.map((role, index) => [role, index]));

/**
 * The payment list: one line per seat with an amount above zero, in district order, then function
 * (chair first), then name. A member without an account is paid in cash.
 */
export function buildPaymentList(seats: readonly ServedSeat[], rates: RefreshmentRates): PaymentList {
  const lines = seats
    .map((seat): PaymentLine => {
      const payee = seat.accountHolder?.trim() || `${seat.givenNames} ${seat.familyName}`;
      return { ...seat, amountCents: rates[seat.function], method: seat.iban ? 'transfer' : 'cash', payee };
    })
    .filter((line) => line.amountCents > 0)
    .sort(
      (a, b) =>
        a.districtNumber.localeCompare(b.districtNumber, 'de', { numeric: true }) ||
        ROLE_ORDER.get(a.function)! - ROLE_ORDER.get(b.function)! ||
        a.familyName.localeCompare(b.familyName, 'de') ||
        a.givenNames.localeCompare(b.givenNames, 'de'),
    );
  const sum = (method: PaymentMethod) => {
    const chosen = lines.filter((line) => line.method === method);
    return { count: chosen.length, cents: chosen.reduce((total, line) => total + line.amountCents, 0) };
  };
  const transfer = sum('transfer');
  const cash = sum('cash');
  return { lines, totalCents: transfer.cents + cash.cents, transfer, cash };
}

// SEPA text fields (EPC Implementation Guidelines SCT, pain.001): names at most 70 characters,
// unstructured remittance information at most 140, the end-to-end reference at most 35 from the
// Latin character set a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
export const SEPA_NAME_MAX = 70;
export const SEPA_REMITTANCE_MAX = 140;
const SEPA_REFERENCE_MAX = 35;

/** The remittance text the member reads on the statement. */
export function refreshmentRemittance(electionName: string, line: Pick<PaymentLine, 'districtNumber'>): string {
  return `Erfrischungsgeld ${electionName} Wahlbezirk ${line.districtNumber}`.slice(0, SEPA_REMITTANCE_MAX);
}

/** A reference unique within the file: `EG-<district>-<running number>`, reduced to the SEPA character set. */
export function refreshmentReference(line: Pick<PaymentLine, 'districtNumber'>, index: number): string {
  const district = line.districtNumber.replace(/[^A-Za-z0-9]/g, '');
  return `EG-${district}-${index + 1}`.slice(0, SEPA_REFERENCE_MAX);
}

export const sepaName = (name: string): string => name.trim().replace(/\s+/g, ' ').slice(0, SEPA_NAME_MAX);
