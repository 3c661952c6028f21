import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker thread `<name>.js` of `directory` (the compiled file in a build). Running from
 * TypeScript sources (scripts, tests), the worker starts with a one-line bootstrap that installs
 * tsx's require hook first: a loader given to the parent with `--import` does not reach worker
 * threads on Node 20.
 */
export function startWorker(directory: string, name: string, options: Omit<WorkerOptions, 'eval'>): Worker {
  const compiled = join(directory, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, options);
  const source = join(directory, `${name}.ts`);
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}
