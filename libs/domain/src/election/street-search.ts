import type { Street } from './election-definition.types';

// Citizens type street names the way they write them: "Schulstr. ", "schulstrasse", "Karl-Friedrich-
// Str". The comparison key folds case, ß/ss, umlauts, "str." and separators, so all of these find
// the directory's "Schulstraße" / "Karl-Friedrich-Straße".

/** A comparison key for a street name: "Karl-Friedrich-Str." → "karlfriedrichstrasse". */
export function streetNameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/str\.?(?=$|[\s-])/g, 'strasse')
    .replace(/[^a-z0-9]/g, '');
}

/** The streets whose name matches `query` (several where the name exists in several postal codes). */
export function findStreetsByName(streets: readonly Street[], query: string): readonly Street[] {
  const key = streetNameKey(query);
  if (!key) return [];
  return streets.filter((street) => streetNameKey(street.name) === key);
}

/**
 * Up to `limit` street names for a query that matched none: names starting with the query first,
 * then names containing it, each alphabetically; distinct names only.
 */
export function suggestStreetNames(streets: readonly Street[], query: string, limit = 5): readonly string[] {
  const key = streetNameKey(query);
  if (key.length < 3) return [];
  // Without the generic ending (typos included: "strase") the stem still finds "Schulweg" for "Schulstrase".
  const stem = key.replace(/(str[a-z]*|weg|platz|gasse|allee|ring)$/, '') || key;
  const starts: string[] = [];
  const contains: string[] = [];
  for (const name of new Set(streets.map((street) => street.name))) {
    const candidate = streetNameKey(name);
    if (candidate.startsWith(stem)) starts.push(name);
    else if (candidate.includes(stem)) contains.push(name);
  }
  const byName = (a: string, b: string): number => a.localeCompare(b, 'de');
  return [...starts.sort(byName), ...contains.sort(byName)].slice(0, limit);
}
