// Deterministic German collation for the roll (R1.12, BWO § 14(2)). Hand-rolled instead of
// Intl.Collator: ICU's tables change with the runtime version, and voter numbers must be
// reproducible (R1.14). Choice: DIN 5007 variant 1 ("Wörterbuch"):
// - primary level: ä→a, ö→o, ü→u, ß→ss, other accents stripped (é→e, ç→c), case ignored; letters
//   without a decomposition mapped by hand (æ→ae, ø→o, ł→l …). So "Mueller" < "Muller" = "Müller".
// - word separators (space, hyphen, apostrophe, period …) become one space, which sorts before every
//   letter and digit ("nichts vor etwas"): "Müller" < "Müller-Lüdenscheidt" < "Müllerin".
// - ties on the primary level: the unaccented spelling first (secondary), then upper before lower
//   case (tertiary, by code unit), so every distinct spelling has one fixed place.

const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
};
const UNDECOMPOSABLE_PATTERN = /[ßæœøđðłþıħŀ]/g;
const COMBINING_MARKS = /\p{M}/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Primary DIN 5007-1 key: compare with `<` (UTF-16 code units). */
export function primaryCollationKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .replace(SEPARATORS, ' ')
    .trim();
}

/** Secondary key: accents kept (decomposed, so a base letter sorts before its accented forms), case ignored. */
export function secondaryCollationKey(value: string): string {
  return value.normalize('NFD').toLowerCase();
}

/** Tertiary key: the spelling itself (composed), upper case before lower case. */
export function tertiaryCollationKey(value: string): string {
  return value.normalize('NFC');
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares two names by DIN 5007 variant 1 with the secondary and tertiary tie-breaks above. */
export function compareGerman(a: string, b: string): number {
  return (
    compareStrings(primaryCollationKey(a), primaryCollationKey(b)) ||
    compareStrings(secondaryCollationKey(a), secondaryCollationKey(b)) ||
    compareStrings(tertiaryCollationKey(a), tertiaryCollationKey(b))
  );
}
