import { primaryCollationKey, secondaryCollationKey, tertiaryCollationKey } from './collation';
import type { NumberableVoter } from './voter-numbering';

// R1.12 (BWO § 14(2)) for a database: one string per voter whose order, compared code point by
// code point (UTF-8 byte order, PostgreSQL `COLLATE "C"`), is exactly the roll order of
// `compareVoters`. A database can then number a million voters with one sort, without calling back.
//
// Layout: P(family) ␁ P(given) ␁ S(family) ␁ S(given) ␁ T(family) ␁ T(given) ␁ birth date ␁ person id
// (P/S/T: primary, secondary, tertiary DIN 5007-1 keys of collation.ts). U+0001 sorts before every
// character a register value may hold (control characters are rejected on import), so a shorter
// component sorts first, as in the tuple comparison.
//
// JavaScript compares strings by UTF-16 code units, a database by code points; the two differ only
// where a character at or above U+E000 meets one beyond U+FFFF. Every code unit from U+D800 up is
// therefore moved to U+1D800 + (unit − U+D800), order-preserving and above the rest of the BMP, so
// code point order of the key equals code unit order of its parts.

export const ROLL_ORDER_KEY_SEPARATOR = '\u0001';

const HIGH_CODE_UNITS = /[\uD800-\uFFFF]/;
const SHIFT = 0x1d800 - 0xd800;

/** Code-unit order → code-point order (see above); the identity for ordinary names. */
export function codeUnitOrderSafe(value: string): string {
  if (!HIGH_CODE_UNITS.test(value)) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    out += unit >= 0xd800 ? String.fromCodePoint(unit + SHIFT) : value[i];
  }
  return out;
}

type NameKeys = { readonly primary: string; readonly secondary: string; readonly tertiary: string };

function nameKeys(name: string): NameKeys {
  return {
    primary: codeUnitOrderSafe(primaryCollationKey(name)),
    secondary: codeUnitOrderSafe(secondaryCollationKey(name)),
    tertiary: codeUnitOrderSafe(tertiaryCollationKey(name)),
  };
}

function join(family: NameKeys, given: NameKeys, birthDate: string, personId: string): string {
  const s = ROLL_ORDER_KEY_SEPARATOR;
  return (
    family.primary +
    s +
    given.primary +
    s +
    family.secondary +
    s +
    given.secondary +
    s +
    family.tertiary +
    s +
    given.tertiary +
    s +
    birthDate +
    s +
    codeUnitOrderSafe(personId)
  );
}

export type RollOrderVoter = Omit<NumberableVoter, 'district'>;

/** The key of one voter (names without control characters, as the register parser guarantees). */
export function rollOrderKey(voter: RollOrderVoter): string {
  return join(nameKeys(voter.familyName), nameKeys(voter.givenNames), voter.birthDate, voter.personId);
}

/**
 * `rollOrderKey` with the collation keys of each distinct name remembered: a register repeats its
 * names, so an import computes them once per name. The memory is capped (`maxNames`): when full, the
 * cache starts over, which costs time, never correctness.
 */
export function createRollOrderKeyer(maxNames = 200_000): (voter: RollOrderVoter) => string {
  let cache = new Map<string, NameKeys>();
  const keysOf = (name: string): NameKeys => {
    let keys = cache.get(name);
    if (keys === undefined) {
      if (cache.size >= maxNames) cache = new Map();
      // A value cut out of a read buffer may keep that whole buffer alive in the engine; a cached
      // name is copied first so that the cache holds only its own characters.
      const own = JSON.parse(JSON.stringify(name)) as string;
      keys = nameKeys(own);
      cache.set(own, keys);
    }
    return keys;
  };
  return (voter) => join(keysOf(voter.familyName), keysOf(voter.givenNames), voter.birthDate, voter.personId);
}
