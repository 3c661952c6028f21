import { spawn, type ChildProcess } from 'node:child_process';

/** An API process of its own (apps/api/src/main.ts), e.g. to be killed with SIGKILL mid-job. */
export type ApiProcess = {
  readonly child: ChildProcess;
  /** Everything it wrote to stdout so far (its JSON log lines). */
  readonly output: () => string;
  /** Resolves with the signal once the process has ended. */
  readonly exited: Promise<NodeJS.Signals | null>;
  readonly kill: () => Promise<NodeJS.Signals | null>;
};

/** Starts the API on `databaseUrl` (migrated already) and resolves once it listens. */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  // vite-node with the test configuration: SWC gives Nest the decorator metadata that tsx's esbuild leaves out.
  const child = spawn(process.execPath, ['node_modules/vite-node/vite-node.mjs', '--config', 'vitest.config.mts', 'apps/api/src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  // Its stdout is a pipe: JSON log lines only there, the start banner on stderr.
  for (let waited = 0; !stderr.includes('Wahlsystem läuft.'); waited += 100) {
    if (child.exitCode !== null || waited > 60_000) throw new Error(`API process did not start: ${stderr || stdout}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return {
    child,
    output: () => stdout,
    exited,
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}
