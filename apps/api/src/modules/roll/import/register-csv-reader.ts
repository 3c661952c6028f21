import { createHash } from 'node:crypto';
import { lineTooLongError, MAX_REGISTER_LINE_LENGTH, parseRegisterHeader, type RecordError } from '@wahl/domain';
import { RegisterEncodingError, RegisterTextDecoder, type DecodedEncoding, type RegisterEncodingOption } from './register-text-decoder';
import type { RegisterImportRun } from './register-import-run';
import { RegisterLineSplitter } from './register-line-splitter';

export type CsvReadOutcome = {
  /** null: nothing but ASCII was read in `auto` mode (both encodings read it alike). */
  readonly encoding: DecodedEncoding | null;
  readonly bytes: number;
  readonly sha256: string;
  /** Longest partial line kept between chunks (bounded by the line cap). */
  readonly maxPendingLength: number;
};

const wholeFile = (reason: string, line = 1): RecordError => ({ line, column: null, value: '', reason });

/**
 * The file connector: bytes of a register export → records for the run, chunk by chunk. The input
 * is always read to its end (an upload is answered only after it arrived), but after a fatal
 * problem (encoding, header) the rest is only hashed and counted. `afterChunk` is awaited after each
 * chunk: there the caller writes the formatted rows and reports progress, which paces the reading.
 */
export async function readRegisterCsv(
  input: AsyncIterable<Uint8Array>,
  encoding: RegisterEncodingOption,
  run: RegisterImportRun,
  afterChunk: (bytesRead: number) => Promise<void>,
): Promise<CsvReadOutcome> {
  const hash = createHash('sha256');
  const decoder = new RegisterTextDecoder(encoding);
  let bytes = 0;
  // An object, not a local: the splitter's callbacks change it between the checks below.
  const state: { header: 'expected' | 'read' | 'failed' } = { header: 'expected' };
  let stopped = false;
  const splitter = new RegisterLineSplitter(MAX_REGISTER_LINE_LENGTH, {
    line(text, lineNo) {
      if (state.header === 'read') {
        run.line(text, lineNo);
        return;
      }
      if (state.header === 'failed') return;
      if (lineNo !== 1) {
        state.header = 'failed';
        run.fatal([wholeFile('Die erste Zeile muss die Kopfzeile mit den Spaltennamen sein; die Datei beginnt mit Leerzeilen.', lineNo)]);
        return;
      }
      const parsed = parseRegisterHeader(text);
      if (parsed.ok) {
        state.header = 'read';
        run.setColumns(parsed.value);
      } else {
        state.header = 'failed';
        run.fatal(parsed.error);
      }
    },
    tooLong(lineNo) {
      if (state.header === 'read') run.tooLong(lineNo);
      else if (state.header === 'expected') {
        state.header = 'failed';
        run.fatal([lineTooLongError(lineNo)]);
      }
    },
  });

  for await (const chunk of input) {
    hash.update(chunk);
    bytes += chunk.length;
    if (!stopped) {
      try {
        splitter.push(decoder.decode(chunk, splitter.currentLine));
      } catch (error) {
        if (!(error instanceof RegisterEncodingError)) throw error;
        run.fatal([wholeFile(error.message, splitter.currentLine)]);
        stopped = true;
      }
      if (state.header === 'failed') stopped = true;
    }
    await afterChunk(bytes);
  }
  if (!stopped) {
    try {
      splitter.push(decoder.end(splitter.currentLine));
      splitter.end();
    } catch (error) {
      if (!(error instanceof RegisterEncodingError)) throw error;
      run.fatal([wholeFile(error.message, splitter.currentLine)]);
    }
    if (state.header === 'expected')
      run.fatal([wholeFile(bytes === 0 ? 'Die Datei ist leer.' : 'Die Datei enthält keine Kopfzeile (nur Leerzeilen).')]);
    else if (state.header === 'read' && run.recordsRead === 0) {
      run.fatal([wholeFile('Die Datei enthält nur die Kopfzeile und keine Einwohnerdaten.', 2)]);
    }
    await afterChunk(bytes);
  }
  return { encoding: decoder.encoding, bytes, sha256: hash.digest('hex'), maxPendingLength: splitter.maxPendingLength };
}
