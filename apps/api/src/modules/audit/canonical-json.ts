// Canonical JSON for hashing: object keys sorted, no whitespace, `undefined` members left out.
// The audit chain hashes what it reads back from PostgreSQL (jsonb reorders keys), so the
// serialisation must not depend on key order. Every stored hash depends on these exact bytes.
// Built in one pass without intermediate arrays: it runs several times per quick report (request
// hash, report fingerprint, audit entry) and once per entry when the chain is verified (issue 16).
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return arrayJson(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` on strings does.
  const keys = Object.keys(record).sort();
  let json = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (json.length > 1) json += ',';
    json += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${json}}`;
}

// A hole (sparse array) stays empty, as Array.prototype.map and join left it; undefined becomes null.
function arrayJson(items: readonly unknown[]): string {
  let json = '[';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) json += ',';
    if (index in items) json += canonicalJson(items[index] === undefined ? null : items[index]);
  }
  return `${json}]`;
}
