import 'reflect-metadata';
import { createReadStream, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { RollBuildService } from '../modules/roll/build/roll-build.service';
import type { RegisterImportStatus } from '@wahl/contracts';
import { RegisterImportService } from '../modules/roll/import/register-import.service';
import { importOptions } from '../modules/roll/import/register-import.options';
import { RollElectionService } from '../modules/roll/shared/roll-election.service';
import { ConfigError, loadAppConfig } from '../platform/config/app-config';
import { AppError } from '../platform/errors/app-error';
import { runCardsCommand } from '../modules/polling-cards/polling-cards.cli';
import { RetentionService } from '../modules/retention/retention.service';
import { runRetentionCommand } from '../modules/retention/retention.cli';
import { openCliContext } from './cli-context';

// `npm run cli -- <command>`: office tasks without the web interface, on the same services.
//   register import --election ID [--encoding auto|utf-8|windows-1252] [--skip-invalid] FILE
//   roll build --election ID
//   cards generate --election ID --out DIR [--layout a4|a5|postcard] [--follow-up]
//   retention --election ID [--dry-run]

const USAGE = [
  'Aufruf:',
  '  npm run cli -- register import --election ID [--encoding auto|utf-8|windows-1252] [--skip-invalid] DATEI.csv',
  '  npm run cli -- roll build --election ID',
  '  npm run cli -- cards generate --election ID --out ORDNER [--layout a4|a5|postcard] [--follow-up]',
  '  npm run cli -- retention --election ID [--dry-run]',
].join('\n');

type Parsed = { readonly command: string; readonly options: Map<string, string | true>; readonly files: string[] };

function parse(argv: readonly string[]): Parsed {
  const options = new Map<string, string | true>();
  const files: string[] = [];
  const words = [...argv];
  const command = words[0] === 'retention' ? words.shift()! : `${words.shift() ?? ''} ${words.shift() ?? ''}`;
  while (words.length) {
    const word = words.shift()!;
    if (word === '--skip-invalid' || word === '--follow-up' || word === '--dry-run') options.set(word.slice(2), true);
    else if (word.startsWith('--')) {
      const value = words.shift();
      if (value === undefined) throw new Error(`${word} braucht einen Wert.\n${USAGE}`);
      options.set(word.slice(2), value);
    } else files.push(word);
  }
  return { command, options, files };
}

const format = (n: number): string => n.toLocaleString('de-DE');

function progressLine(status: RegisterImportStatus): string {
  const { progress } = status;
  const percent = progress.percent === null ? '' : `${String(progress.percent).padStart(3)} % · `;
  const rate = progress.recordsPerSecond ? ` · ${format(progress.recordsPerSecond)}/s` : '';
  return `Import: ${percent}${format(status.recordsRead)} Datensätze gelesen${rate}`;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { command, options, files } = parse(argv);
  const electionId = options.get('election');
  if (!['register import', 'roll build', 'cards generate', 'retention'].includes(command) || typeof electionId !== 'string')
    throw new Error(USAGE);
  const config = loadAppConfig({ ...process.env, WAHL_SEED_DEMO: 'false' });
  const context = await openCliContext(config);
  try {
    if (command === 'cards generate') {
      const out = options.get('out');
      const layout = options.get('layout');
      if (typeof out !== 'string') throw new Error(USAGE);
      return await runCardsCommand(context.app, {
        electionId,
        outDir: out,
        layout: typeof layout === 'string' ? layout : undefined,
        followUp: options.get('follow-up') === true,
      });
    }
    const actor = await context.app.get(RollElectionService, { strict: false }).systemActor(electionId, 'cli');
    if (command === 'retention') {
      return await runRetentionCommand(context.app.get(RetentionService), actor, electionId, options.get('dry-run') === true);
    }
    if (command === 'roll build') {
      const built = await context.app.get(RollBuildService).build(actor, electionId);
      process.stdout.write(
        `Wählerverzeichnis gebaut: ${format(built.voters)} Wahlberechtigte, ${format(built.notEntered)} nicht eingetragen, ` +
          `${format(built.unassigned)} ohne eindeutigen Wahlbezirk (${format(built.durationMs)} ms).\n`,
      );
      return 0;
    }
    if (files.length !== 1) throw new Error(USAGE);
    const file = resolve(files[0]!);
    const { encoding, skipInvalid } = importOptions({
      encoding: typeof options.get('encoding') === 'string' ? (options.get('encoding') as string) : undefined,
      skipInvalid: options.get('skip-invalid') === true ? 'true' : 'false',
    });
    const tty = process.stderr.isTTY;
    const job = await context.app.get(RegisterImportService).importFile(
      actor,
      electionId,
      {
        body: createReadStream(file, { highWaterMark: 1 << 16 }),
        fileName: basename(file),
        totalBytes: statSync(file).size,
        source: 'cli',
      },
      { encoding, skipInvalid },
      (status) => process.stderr.write(tty ? `\r${progressLine(status)}   ` : `${progressLine(status)}\n`),
    );
    if (tty) process.stderr.write('\n');
    process.stdout.write(`${job.status === 'succeeded' ? 'Erfolgreich' : 'Fehlgeschlagen'} (Auftrag ${job.id}): ${job.message ?? ''}\n`);
    // The operator's terminal, not a log: the report names the lines and values to correct.
    for (const error of job.errors)
      process.stdout.write(
        `  Zeile ${error.line}${error.column ? `, ${error.column}` : ''}${error.value ? ` „${error.value}“` : ''}: ${error.reason}\n`,
      );
    if (job.errorCount > job.errors.length) process.stdout.write(`  … und ${format(job.errorCount - job.errors.length)} weitere Fehler.\n`);
    return job.status === 'succeeded' ? 0 : 1;
  } finally {
    await context.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof ConfigError || error instanceof AppError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(2);
  });
