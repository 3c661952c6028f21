// Resident-register generator benchmark: 1,000,000 residents of the demo town written as CSV to a
// discarding stream. Prints residents per second (wall and CPU time, the latter meaningful on a busy
// machine), the peak resident set size, and one closing JSON line for tooling.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { validateElectionDefinition } from '@wahl/domain';
import { writeRegister } from '../register/register-writer';

const RESIDENTS = Number(process.argv[2] ?? 1_000_000);

async function main(): Promise<void> {
  const validated = validateElectionDefinition(JSON.parse(readFileSync(resolve(__dirname, '../../examples/demo-election.json'), 'utf8')));
  if (!validated.ok) throw new Error('examples/demo-election.json is not valid');
  let bytes = 0;
  // Counts and drops the bytes, asynchronously like a file, so back-pressure is exercised.
  const sink = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      setImmediate(done);
    },
  });
  const rssBefore = process.resourceUsage().maxRSS;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const summary = await writeRegister(validated.value, { residents: RESIDENTS, seed: 'bench' }, sink);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpuUsage = process.cpuUsage(cpuStart);
  const cpu = (cpuUsage.user + cpuUsage.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const result = {
    residents: summary.residents,
    megabytes: Math.round(bytes / 1e6),
    wallSeconds: Number(wall.toFixed(2)),
    cpuSeconds: Number(cpu.toFixed(2)),
    residentsPerSecondWall: Math.round(summary.residents / wall),
    residentsPerSecondCpu: Math.round(summary.residents / cpu),
    peakRssMb: Math.round(peakMb),
    rssAfterStartupMb: Math.round(rssBefore / 1024),
  };
  process.stdout.write(
    `Register generator: ${result.residents} residents (${result.megabytes} MB CSV) in ${result.wallSeconds} s wall / ${result.cpuSeconds} s CPU\n` +
      `  ${result.residentsPerSecondWall} residents/s (wall), ${result.residentsPerSecondCpu} residents/s (CPU)\n` +
      `  peak RSS ${result.peakRssMb} MB (after start-up ${result.rssAfterStartupMb} MB)\n` +
      JSON.stringify(result) +
      '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
