// Refreshment money is typed in euros (`35`, `35,00`, `35.5`) and sent in cents.

/** Cents of a typed euro amount, or null when it is not an amount with at most two decimals. */
export function parseEuroCents(input: string): number | null {
  const match = /^\s*(\d{1,6})(?:[,.](\d{1,2}))?\s*(?:€)?\s*$/.exec(input);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** `3500` → `35,00` (the value of an input field; the unit stands in the label). */
export const centsForInput = (cents: number): string => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

/** `3500` → `35,00 €` */
export const formatEuros = (cents: number): string => `${centsForInput(cents)}\u00a0€`;
