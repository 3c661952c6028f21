// Writes a synthetic resident register (CSV) for an election document:
//   npm run generate:register -- --residents 50000 --seed demo [--election examples/demo-election.json] [--out FILE]
//   npm run generate:register -- --residents 50000 --seed demo > FILE
// Without --out the CSV goes to stdout; a summary goes to stderr. Streams: memory stays flat.
import { createWriteStream, fstatSync, ftruncateSync, readFileSync, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { validateElectionDefinition } from '@wahl/domain';
import { writeRegister } from './register-writer';

type Args = { residents: number; seed: string; election: string; out: string | undefined };

const USAGE = [
  'Aufruf: npm run generate:register -- --residents N --seed S [--election DATEI.json] --out DATEI.csv',
  '   oder npm run generate:register -- --residents N --seed S [--election DATEI.json] > DATEI.csv',
].join('\n');

/** `npm run` without -s has already written its banner (`> wahlsystem@… generate:register`) to stdout. */
function npmBannerInOutput(): boolean {
  const byNpm = process.env['npm_lifecycle_event'] !== undefined;
  return byNpm && process.env['npm_config_loglevel'] !== 'silent' && !process.stdout.isTTY;
}

const O_APPEND = 0o2000;
const appending = (fd: number): boolean => {
  const flags = /^flags:\s+(\d+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
  return flags === undefined || (parseInt(flags, 8) & O_APPEND) !== 0;
};

/**
 * Standard output redirected into a file (`> register.csv`) after npm's banner: the register is written
 * over the banner from the file's first byte (and the file cut to its length at the end). A pipe or an
 * appending redirect (`>>`) cannot be rewritten: refused before a line is written, with what works.
 */
function stdoutFromStart(): WriteStream {
  let rewritable = false;
  try {
    rewritable = fstatSync(1).isFile() && !appending(1);
  } catch {
    rewritable = false;
  }
  if (!rewritable) {
    const hint = 'In eine Pipe oder mit >> nur ohne Kopfzeilen von npm: npm run -s generate:register -- …';
    throw new Error(`npm hat seine Kopfzeilen schon in die Ausgabe geschrieben; so entstünde kein gültiges Register.\n${hint}\n${USAGE}`);
  }
  return createWriteStream('', { fd: 1, start: 0, autoClose: false });
}

function parseArgs(argv: readonly string[]): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i] as string;
    const value = argv[i + 1];
    if (!['--residents', '--seed', '--election', '--out'].includes(name) || value === undefined) throw new Error(USAGE);
    values.set(name, value);
  }
  const residents = Number(values.get('--residents'));
  const seed = values.get('--seed');
  if (!Number.isInteger(residents) || residents < 0 || seed === undefined) throw new Error(USAGE);
  // npm runs scripts in the package folder; a path the user gave means the folder they typed it in.
  const given = (path: string | undefined): string | undefined =>
    path === undefined ? undefined : resolve(process.env['INIT_CWD'] ?? '.', path);
  return {
    residents,
    seed,
    election: given(values.get('--election')) ?? resolve('examples/demo-election.json'),
    out: given(values.get('--out')),
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  const overBanner = !args.out && npmBannerInOutput() ? stdoutFromStart() : undefined;
  const validated = validateElectionDefinition(JSON.parse(readFileSync(args.election, 'utf8')));
  if (!validated.ok) throw new Error(`${args.election}: ${validated.error.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  const out: Writable = args.out ? createWriteStream(args.out) : (overBanner ?? process.stdout);
  const started = process.hrtime.bigint();
  const summary = await writeRegister(validated.value, { residents: args.residents, seed: args.seed }, out);
  if (out !== process.stdout) await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  if (overBanner) ftruncateSync(1, overBanner.bytesWritten);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `${summary.residents} Einwohner (davon ${summary.unmatched} absichtlich ohne passenden Straßenabschnitt) in ${seconds.toFixed(1)} s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
