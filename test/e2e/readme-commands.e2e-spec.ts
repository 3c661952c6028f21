import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShell } from '../support/processes';
import { createDemoElection, uploadRegister } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #18: the README against reality. Every command it shows (code blocks and the scripts table)
// names an npm script that exists, whose files exist; the quick ones of its code blocks (no
// placeholder, no build, no test run) run as written, and what they write is what the README promises
// (a register the import takes). The table's benchmarks and replays are only checked to exist.

const README = readFileSync('README.md', 'utf8');
const SCRIPTS = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const NPM_BUILTINS = new Set(['ci', 'install']);

const blockCommands = (): string[] =>
  [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.split('\n').filter((line) => line.trim()));
const tableCommands = (): string[] => [...README.matchAll(/^\| `(npm [^`]+)` \|/gm)].map((cell) => cell[1]!);

/** The npm script a command runs (`npm start`, `npm test`, `npm run [-s] name …`), or the builtin it calls. */
function scriptOf(command: string): string {
  const words = command.trim().split(/\s+/);
  expect(words[0], command).toBe('npm');
  if (words[1] !== 'run') return words[1]!;
  return words.slice(2).find((word) => !word.startsWith('-'))!;
}

/** The script with the scripts it calls (`npm run x`), so that a build or a test run is seen wherever it hides. */
function expanded(name: string): string {
  const body = SCRIPTS[name] ?? '';
  return [body, ...[...body.matchAll(/npm run (\S+)/g)].map((call) => expanded(call[1]!))].join('\n');
}

/** The repository's source files a script runs; the API's build output stands for its TypeScript source. */
const sourceFiles = (script: string): string[] =>
  script
    .split(/\s+/)
    .map((word) => word.replace(/^dist\/apps\/api\/(apps\/.+)\.js$/, '$1.ts'))
    .filter((word) => /^(?:apps|tools|libs)\/[\w./-]+\.[cm]?[jt]s$/.test(word));

const PLACEHOLDER = /\b(?:ID|N|S|FILE|Name)\b|…|\[/;
const SLOW = /\bnx\b|vitest|eslint|\btsc\b/;
const isQuick = (command: string): boolean =>
  !PLACEHOLDER.test(command) && !NPM_BUILTINS.has(scriptOf(command)) && !SLOW.test(expanded(scriptOf(command)));

describe('README commands', () => {
  const runnable = blockCommands()
    .flatMap((line) => line.split('&&'))
    .map((command) => command.trim());
  const commands = [...runnable, ...tableCommands()];
  let dataDir: string;
  let workDir: string;
  let testApp: TestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wahl-readme-'));
    // A folder inside the repository: npm finds the package from there, and the files land here.
    mkdirSync('test-artifacts', { recursive: true });
    workDir = mkdtempSync(join('test-artifacts', 'readme-'));
    testApp = await startTestApp();
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
    await testApp?.close();
  });

  it('should find the commands of the README, the console section among them', () => {
    expect(commands.length).toBeGreaterThan(15);
    expect(commands).toContain('npm ci');
    expect(commands).toContain('npm run info');
    expect(runnable.filter(isQuick).length).toBeGreaterThanOrEqual(3);
  });

  it('should name an existing npm script in every command, and every file those scripts run should exist', () => {
    for (const command of commands) {
      const script = scriptOf(command);
      if (NPM_BUILTINS.has(script)) continue;
      expect(SCRIPTS, command).toHaveProperty([script]);
      for (const file of sourceFiles(SCRIPTS[script]!)) expect(existsSync(file), `${script}: ${file}`).toBe(true);
    }
  });

  it('should run the quick commands as written; the register they write imports', async () => {
    const written: string[] = [];
    for (const command of runnable.filter(isQuick)) {
      const target = /(?:> |--out )(\S+\.csv)$/.exec(command)?.[1];
      if (target) written.push(join(workDir, target));
      const result = runShell(command, { WAHL_DATA_DIR: dataDir }, { cwd: workDir });
      expect(result.stderr, command).not.toMatch(/npm error/);
      expect(result.status, `${command}\n${result.stderr}`).toBe(0);
    }
    expect(written.length).toBeGreaterThan(0);
    const demo = await createDemoElection(testApp);
    for (const file of written) {
      const imported = await uploadRegister(demo.office.clerk, demo.electionId, readFileSync(file));
      expect(imported.body, file).toMatchObject({ status: 'succeeded', recordsRead: 1000 });
    }
  }, 120_000);

  it('should write a clean register over the banner npm put into a redirected file, and refuse a pipe with what works', () => {
    const file = join(dataDir, 'register.csv');
    const redirected = runShell(`npm run generate:register -- --residents 10 --seed readme > ${file}`);
    expect(redirected.status, redirected.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^person_id;/);
    expect(lines.filter((line) => line.trim())).toHaveLength(11);

    const piped = runShell(`npm run generate:register -- --residents 10 --seed readme | cat > ${file}`);
    expect(piped.stderr).toContain('npm hat seine Kopfzeilen schon in die Ausgabe geschrieben');
    expect(piped.stderr).toContain('npm run -s generate:register');
    expect(readFileSync(file, 'utf8')).not.toContain('person_id');
  });
});
