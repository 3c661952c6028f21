// Polling-card print benchmark: 100,000 synthetic voters of the demo town rendered as A4 duplex
// cards (front and back) in lots of 5,000, on worker threads (one per core), exactly as a print job
// runs: sort for mailing, render, hash, piece lists, manifest. Record generation is not timed.
// Afterwards a sample of pages is rasterised at 300 dpi and its QR and Data Matrix codes decoded.
// Prints cards/s (wall and per CPU second), peak RSS of the process (main thread and all workers:
// they are threads of this one process), bytes per card, and one closing JSON line.
//
//   npm run bench:cards [-- <cards> [<threads>] [--keep]]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseInserterCode } from '@wahl/domain';
import { cardRecordsFrom } from '../../apps/api/src/modules/polling-cards/card-record-source';
import { loadCardTemplate } from '../../apps/api/src/modules/polling-cards/rendering/card-template.loader';
import { runPrintJob } from '../../apps/api/src/modules/polling-cards/rendering/print-job';
import { demoCardElection, syntheticCardRecords } from '../polling-cards/synthetic-card-records';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const CARDS = Number(args[0] ?? 100_000);
const THREADS = Number(args[1] ?? availableParallelism());
const KEEP = process.argv.includes('--keep');

const run = (command: string, commandArgs: string[]): string | null => {
  try {
    return execFileSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
};

async function main(): Promise<void> {
  const records = syntheticCardRecords(CARDS, 'bench');
  const template = loadCardTemplate({ templatesDir: resolve(__dirname, '../../templates'), electionKind: 'bundestag', layout: 'a4' });
  const outDir = mkdtempSync(join(tmpdir(), 'wahl-cards-bench-'));
  const job = { jobNumber: 4711, election: demoCardElection(), createdAt: new Date(Date.UTC(2029, 0, 12, 8)) };

  const rssBefore = process.memoryUsage().rss;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const { manifest, pool } = await runPrintJob(cardRecordsFrom(records), { template, job, outDir, threads: THREADS });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpuUsage = process.cpuUsage(cpuStart);
  const cpu = (cpuUsage.user + cpuUsage.system) / 1e6;
  // getrusage's maxrss covers the whole process, i.e. the main thread and every worker thread.
  const peakRss = process.resourceUsage().maxRSS * 1024;

  const { totals } = manifest;
  const cardsPerSecond = totals.pieces / wall;
  const bytesPerCard = totals.bytes / totals.pieces;
  console.log(
    `${totals.pieces.toLocaleString('en')} cards, ${totals.pages.toLocaleString('en')} pages, ${totals.lots} lots, ${pool.threads} worker threads`,
  );
  console.log(
    `wall ${wall.toFixed(2)} s → ${cardsPerSecond.toFixed(0)} cards/s; CPU ${cpu.toFixed(2)} s → ${(totals.pieces / cpu).toFixed(0)} cards per CPU second`,
  );
  console.log(
    `peak RSS ${(peakRss / 1e6).toFixed(0)} MB (${(rssBefore / 1e6).toFixed(0)} MB before the run, records in memory); worker heap peaks ${pool.workerHeapPeaks.map((b) => `${(b / 1e6).toFixed(0)} MB`).join(', ')}`,
  );
  console.log(`${(totals.bytes / 1e6).toFixed(1)} MB output, ${bytesPerCard.toFixed(0)} bytes per card`);

  // Decode the codes of a few sampled pages (first and last piece of the first and last lot).
  let decoded = 0;
  let sampled = 0;
  const samples = [manifest.lots[0]!, manifest.lots[manifest.lots.length - 1]!].flatMap((lot) => [
    { lot, page: 1 },
    { lot, page: lot.pages - 1 },
  ]);
  for (const { lot, page } of samples) {
    const prefix = join(outDir, `sample-${lot.lot}-${page}`);
    const pdf = join(outDir, lot.fileName);
    const pageArgs = ['-r', '300', '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile'];
    if (run('pdftoppm', [...pageArgs, pdf, prefix]) === null) break;
    // dmtxread scans a whole A4 raster for seconds; the inserter code sits in the top-left corner
    // (A4 layout: 9 mm, 9 mm), so a 30 mm crop is what a camera in the line sees.
    run('pdftoppm', [...pageArgs, '-x', '0', '-y', '0', '-W', '354', '-H', '354', pdf, `${prefix}-corner`]);
    sampled++;
    const qr = run('zbarimg', ['-q', '--raw', `${prefix}.png`])?.trim();
    const matrix = run('dmtxread', ['-N', '1', '-m', '5000', `${prefix}-corner.png`])?.trim();
    const code = matrix ? parseInserterCode(matrix) : null;
    const piece = lot.firstPiece + (page - 1) / 2;
    if (qr?.startsWith('https://wahlingen.example/b/') && code?.ok && code.value.piece === piece) decoded++;
    else console.log(`page ${page} of lot ${lot.lot}: QR ${qr ?? '–'}, Data Matrix ${matrix ?? '–'}`);
  }
  console.log(
    sampled === 0
      ? 'codes not checked (poppler-utils, zbar-tools or dmtx-utils missing)'
      : `codes decoded on ${decoded} of ${sampled} sampled pages`,
  );

  if (KEEP) console.log(`output kept in ${outDir}`);
  else rmSync(outDir, { recursive: true, force: true });
  const round = (value: number): number => Math.round(value);
  console.log(
    JSON.stringify({
      bench: 'cards',
      cardsPerSecond: round(cardsPerSecond),
      peakRssMB: round(peakRss / 1e6),
      bytesPerCard: round(bytesPerCard),
      cards: totals.pieces,
      threads: pool.threads,
      cardsPerCpuSecond: round(totals.pieces / cpu),
      codesDecoded: `${decoded}/${sampled}`,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
