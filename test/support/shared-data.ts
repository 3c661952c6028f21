import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The real public election data lives beside the repository (`../shared/data/<name>`), as in CI.
 * Where it is absent, tests built on it are skipped with a printed notice instead of failing.
 */
export function sharedDataAvailable(name: string): boolean {
  const available = existsSync(resolve('../shared/data', name));
  if (!available) console.warn(`Notice: ../shared/data/${name} is missing; the tests built on it are skipped.`);
  return available;
}
