import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type CommandResult = { readonly status: number | null; readonly stdout: string; readonly stderr: string };

/**
 * A shell command line as an operator types it (npm scripts, redirections), in the repository (or a
 * folder in it), with the test's environment minus the database settings a test run may carry, plus `env`.
 */
export function runShell(
  commandLine: string,
  env: Record<string, string> = {},
  options: { cwd?: string; timeoutMs?: number } = {},
): CommandResult {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited['DATABASE_URL'];
  delete inherited['TEST_DATABASE_URL'];
  const result = spawnSync('sh', ['-c', commandLine], {
    cwd: options.cwd,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether util-linux `script` is there to give a command a terminal (a pseudo-TTY). */
export const hasScript = spawnSync('script', ['--version']).error === undefined;

/** A command line run inside a pseudo-terminal, so that it sees a person's terminal on stdout. */
export const inTerminal = (commandLine: string): string => `script -qec '${commandLine.replace(/'/g, `'\\''`)}' /dev/null`;
