import type { Writable } from 'node:stream';
import type { ElectionDefinition } from '@wahl/domain';
import { REGISTER_HEADER, formatRegisterLine, generateResidents, type GeneratorOptions } from '@wahl/register-generator';

export type WriteSummary = { readonly residents: number; readonly unmatched: number };

const LINES_PER_CHUNK = 4096;

async function write(stream: Writable, chunk: string): Promise<void> {
  // Honour back-pressure so that memory stays flat however many residents are written.
  if (!stream.write(chunk)) await new Promise<void>((done) => stream.once('drain', done));
}

/** Streams the register CSV (header and one line per resident) into `out`, in chunks. */
export async function writeRegister(definition: ElectionDefinition, options: GeneratorOptions, out: Writable): Promise<WriteSummary> {
  let residents = 0;
  let unmatched = 0;
  let batch: string[] = [REGISTER_HEADER];
  for (const resident of generateResidents(definition, options)) {
    residents++;
    if (resident.deliberatelyUnmatched) unmatched++;
    batch.push(formatRegisterLine(resident));
    if (batch.length >= LINES_PER_CHUNK) {
      await write(out, batch.join('\n') + '\n');
      batch = [];
    }
  }
  if (batch.length) await write(out, batch.join('\n') + '\n');
  return { residents, unmatched };
}
