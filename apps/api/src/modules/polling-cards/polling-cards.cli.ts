import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { PollingCardJob } from '@wahl/contracts';
import { AppError } from '../../platform/errors/app-error';
import { PollingCardsService } from './polling-cards.service';
import type { PrintManifest } from './rendering/print-manifest';

// `npm run cli -- cards generate --election ID --out DIR [--layout a4|a5|postcard] [--follow-up]`:
// prints the election's polling cards into DIR with a progress bar on stderr. The job runs on the job
// queue (this process or any API process); run again after an interruption (even kill -9), the same
// command follows the job, which resumes at its first unfinished lot.

export type CardsCommand = {
  readonly electionId: string;
  readonly outDir: string;
  readonly layout: string | undefined;
  readonly followUp: boolean;
};

const format = (n: number): string => n.toLocaleString('de-DE');

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} h`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} min`;
}

/** `[██████░░░░]  62 % · 62.000 von 100.000 · 1.234/s · noch 0:31 min · Lose 12/20` */
export function progressBar(
  job: Pick<PollingCardJob, 'piecesDone' | 'pieces' | 'percent' | 'piecesPerSecond' | 'etaSeconds' | 'lotsDone' | 'lots'>,
  width = 24,
): string {
  const filled = Math.round((job.percent / 100) * width);
  const rate = job.piecesPerSecond ? ` · ${format(job.piecesPerSecond)}/s` : '';
  const eta = job.etaSeconds !== null && job.percent < 100 ? ` · noch ${duration(job.etaSeconds)}` : '';
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(job.percent).padStart(3)} % · ${format(job.piecesDone)} von ${format(job.pieces)}${rate}${eta} · Lose ${job.lotsDone}/${job.lots}`;
}

export async function runCardsCommand(app: INestApplicationContext, command: CardsCommand): Promise<number> {
  const cards = app.get(PollingCardsService, { strict: false });
  const actor = await cards.systemActor(command.electionId, 'cli');
  const outDir = resolve(command.outDir);
  const jobs = await cards.list(actor, command.electionId);
  // An interrupted job printing into the same folder is continued, not started again.
  const unfinished = jobs.find(
    (job) => job.kind !== 'replacement' && ['prepared', 'running', 'cancel-requested', 'cancelled', 'failed'].includes(job.status),
  );
  let jobId: string;
  if (unfinished) {
    const folder = await cards.jobFolder(actor, command.electionId, unfinished.id);
    if (folder !== outDir) {
      throw new AppError(
        'CARD_JOB_RUNNING',
        `Auftrag Nr. ${unfinished.jobNumber} (${unfinished.statusLabel}) druckt nach ${folder}; bitte dort fortsetzen oder ihn abbrechen.`,
      );
    }
    process.stderr.write(
      `Setze Auftrag Nr. ${unfinished.jobNumber} beim ersten unfertigen Los fort (${unfinished.lotsDone} von ${unfinished.lots} Losen fertig).\n`,
    );
    jobId = unfinished.id;
  } else {
    const job = await cards.prepare(actor, command.electionId, command.followUp ? 'follow-up' : 'main', { layout: command.layout, outDir });
    process.stderr.write(
      `Auftrag Nr. ${job.job_number}: ${format(job.pieces)} Wahlbenachrichtigungen in ${format(job.lots)} Losen nach ${outDir}\n`,
    );
    jobId = job.id;
  }
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  const end = await cards.start(jobId, (job) => {
    const now = Date.now();
    if (!tty && now - lastLine < 2000 && job.percent < 100) return;
    lastLine = now;
    process.stderr.write(tty ? `\r${progressBar(job)}   ` : `${progressBar(job)}\n`);
  });
  if (tty) process.stderr.write('\n');
  if (end.status !== 'succeeded') {
    process.stdout.write(`${end.status === 'cancelled' ? 'Abgebrochen' : 'Fehlgeschlagen'}: ${end.message}\n`);
    return 1;
  }
  const { totals } = JSON.parse(await readFile(resolve(outDir, 'manifest.json'), 'utf8')) as PrintManifest;
  process.stdout.write(
    `Fertig: ${format(totals.pieces)} Stück, ${format(totals.sheets)} Blätter in ${format(totals.lots)} Losen (${(totals.bytes / 1e6).toFixed(1)} MB); ` +
      `Manifest: ${resolve(outDir, 'manifest.json')}\n`,
  );
  return 0;
}
