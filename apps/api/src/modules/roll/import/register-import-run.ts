import { availableParallelism } from 'node:os';
import { parseRegisterRecord, type RecordError, type RegisterColumnMap } from '@wahl/domain';
import { copyValue, type CopyTextBuffer } from './copy-text-buffer';
import { PersonIdSet } from './person-id-set';
import {
  RegisterLinePass,
  RegisterRowFormatter,
  type LineBatch,
  type LineBatchResult,
  type RowCounts,
  type RollFactsContext,
} from './register-line-pass';
import { RegisterLinePool } from './register-line-pool';

/** Errors kept for the report; beyond this only the count grows. */
export const MAX_REPORTED_ERRORS = 100;

/** Columns of register_rows in the order `RegisterRowFormatter` writes them. */
export const REGISTER_ROW_COPY_COLUMNS = [
  'import_id',
  'line_no',
  'person_id',
  'family_name',
  'given_names',
  'birth_date',
  'street_key',
  'street',
  'house_number',
  'postal_code',
  'city',
  'information_block',
  'entered',
  'reasons',
  'district_number',
  'address_status',
  'address_candidates',
  'order_key',
] as const;

/**
 * PostgreSQL stores no NUL character in text or jsonb: a value quoted in a report shows it as the
 * visible symbol ␀ (U+2400), so that a register line with a NUL byte is reported, not a 500 with the
 * job left running (issue #17, 5).
 */
export function printableError(error: RecordError): RecordError {
  const visible = (text: string): string => text.replaceAll('\0', '\u2400');
  if (!`${error.value}${error.reason}${error.column ?? ''}`.includes('\0')) return error;
  return {
    ...error,
    column: error.column === null ? null : visible(error.column),
    value: visible(error.value),
    reason: visible(error.reason),
  };
}

/** Lines per batch of the line pass: large enough that a message costs little, small enough for flat memory. */
const BATCH_LINES = 2048;

/**
 * One line worker per core beyond two: this thread (reading, COPY) and PostgreSQL's COPY each keep a
 * core busy. On two cores workers only add CPU (lines copied between threads, a name cache per
 * thread) without a free core to run on: measured slower there, so the lines stay in this thread.
 */
export function defaultLineThreads(cores = availableParallelism()): number {
  return Math.max(0, cores - 2);
}

/** A batch (or a fatal problem) in file order, with its outcome once known. */
type Queued = {
  result?: LineBatchResult;
  fatal?: readonly RecordError[];
  error?: unknown;
  done: boolean;
  readonly settled: Promise<void>;
};

/**
 * One import's pass over the records, whichever connector delivers them: validates each record
 * (German reasons), derives entry decision, district and order key, and formats the row for COPY.
 * Lines of a file are parsed and formatted in batches, by worker threads where cores are free for them
 * (`defaultLineThreads`; a file of fewer lines than one batch stays in this thread), and their
 * outcomes applied in file order by `settle`. By default the first bad record makes the import fail (rows are no longer
 * written, but reading goes on to report every problem); with `skipInvalid` bad records are handed
 * to `rejected`.
 */
export class RegisterImportRun {
  readonly errors: RecordError[] = [];
  errorCount = 0;
  recordsRead = 0;
  rowsWritten = 0;
  rowsRejected = 0;
  entered = 0;
  unassigned = 0;
  /** A problem of the whole input (header, encoding, empty file): nothing can be imported. */
  hasFatal = false;
  /** Pairs of lines (earlier, later) whose person ids may be equal; confirmed against the stored rows. */
  readonly duplicateCandidates: number[] = [];
  private columns: RegisterColumnMap | null = null;
  private readonly personIds = new PersonIdSet();
  private formatter: RegisterRowFormatter | null = null;
  private inlinePass: RegisterLinePass | null = null;
  private pool: RegisterLinePool | null = null;
  private texts: string[] = [];
  private lineNos = new Int32Array(BATCH_LINES);
  private readonly queue: Queued[] = [];

  constructor(
    private readonly importId: string,
    private readonly facts: RollFactsContext,
    private readonly skipInvalid: boolean,
    private readonly out: CopyTextBuffer,
    /** Receives the problems of each left-out record (only with skipInvalid). */
    private readonly rejected: (errors: readonly RecordError[]) => void,
    /** Worker threads for the lines of a file; 0 keeps them in this thread. */
    private readonly threads = defaultLineThreads(),
  ) {}

  /** True once a bad record has doomed an import without skipInvalid. */
  get failing(): boolean {
    return !this.skipInvalid && this.errorCount > 0;
  }

  setColumns(columns: RegisterColumnMap): void {
    this.columns = columns;
  }

  /** A fatal problem of the whole input (header, encoding, empty file), reported after the lines before it. */
  fatal(errors: readonly RecordError[]): void {
    this.hasFatal = true;
    this.dispatch(false);
    if (this.queue.length === 0) for (const error of errors) this.report(error);
    else this.queue.push({ fatal: errors, done: true, settled: Promise.resolve() });
  }

  /** A line of a file: parsed in a batch; its outcome counts once `settle` has applied the batch. */
  line(text: string, lineNo: number): void {
    this.recordsRead++;
    this.add(text, lineNo);
  }

  tooLong(lineNo: number): void {
    this.recordsRead++;
    this.add('', -lineNo);
  }

  /** A record of the pull connector, which delivers fields (no lines): checked and formatted at once. */
  fields(values: readonly string[], lineNo: number): void {
    this.recordsRead++;
    const parsed = parseRegisterRecord(values, this.requireColumns(), lineNo);
    if (!parsed.ok) return this.reject(parsed.error);
    if (this.failing || this.hasFatal) return;
    this.formatter ??= new RegisterRowFormatter(this.importId, this.facts);
    this.out.add(this.formatter.format(parsed.value, lineNo, copyValue));
    this.countWritten(this.formatter.takeCounts());
    const earlier = this.personIds.add(parsed.value.personId, lineNo);
    if (earlier !== 0) this.duplicateCandidates.push(earlier, lineNo);
  }

  /** A record the connector could not even turn into fields. */
  unreadable(error: RecordError): void {
    this.recordsRead++;
    this.reject([error]);
  }

  /**
   * Applies the outcomes of the batches that are done, in file order; waits for the oldest while
   * more than `maxQueued` are still on their way (the bound of the batches in memory).
   */
  async settle(maxQueued = 2 * Math.max(1, this.threads)): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (!head.done) {
        if (this.queue.length <= maxQueued) return;
        await head.settled;
      }
      this.queue.shift();
      this.apply(head);
    }
  }

  /** Hands on the last partial batch and applies every outcome. */
  async finish(): Promise<void> {
    this.dispatch(false);
    await this.settle(0);
  }

  /** Stops the worker threads (after the end, or when the import is abandoned). */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** A record found bad after it was written (duplicate person_id): counted as rejected. */
  rejectWritten(errors: readonly RecordError[], records: number): void {
    this.rowsWritten -= records;
    this.rowsRejected += records;
    for (const error of errors) this.report(error);
  }

  private add(text: string, lineNo: number): void {
    this.lineNos[this.texts.length] = lineNo;
    this.texts.push(text);
    if (this.texts.length === BATCH_LINES) this.dispatch(true);
  }

  /** A full batch goes to the workers (started with the first); a partial one too once they run. */
  private dispatch(full: boolean): void {
    if (this.texts.length === 0) return;
    const batch: LineBatch = { texts: this.texts, lineNos: this.lineNos.subarray(0, this.texts.length) };
    this.texts = [];
    this.lineNos = new Int32Array(BATCH_LINES);
    if (this.threads > 0 && (this.pool || full)) {
      this.pool ??= RegisterLinePool.start({ importId: this.importId, facts: this.facts, columns: this.requireColumns() }, this.threads);
      const entry: Queued = {
        done: false,
        settled: this.pool.run(batch).then(
          (result) => {
            entry.result = result;
            entry.done = true;
          },
          (error: unknown) => {
            entry.error = error;
            entry.done = true;
          },
        ),
      };
      this.queue.push(entry);
      return;
    }
    this.inlinePass ??= new RegisterLinePass({ importId: this.importId, facts: this.facts, columns: this.requireColumns() });
    this.queue.push({ result: this.inlinePass.run(batch), done: true, settled: Promise.resolve() });
  }

  private apply(entry: Queued): void {
    if (entry.error !== undefined) throw entry.error;
    for (const error of entry.fatal ?? []) this.report(error);
    const result = entry.result;
    if (!result) return;
    for (const errors of result.rejected) this.reject(errors);
    if (this.failing || this.hasFatal) return;
    this.out.append(result.rows);
    this.countWritten(result);
    const ids = result.personIds;
    for (let i = 0; i < ids.length; i += 3) {
      const line = ids[i + 2]!;
      const earlier = this.personIds.addHashed(ids[i]!, ids[i + 1]!, line);
      if (earlier !== 0) this.duplicateCandidates.push(earlier, line);
    }
  }

  private countWritten(counts: RowCounts): void {
    this.rowsWritten += counts.written;
    this.entered += counts.entered;
    this.unassigned += counts.unassigned;
  }

  private requireColumns(): RegisterColumnMap {
    if (!this.columns) throw new Error('Register header not read');
    return this.columns;
  }

  private reject(found: readonly RecordError[]): void {
    const errors = found.map(printableError);
    this.rowsRejected++;
    for (const error of errors) this.report(error);
    if (this.skipInvalid) this.rejected(errors);
  }

  private report(error: RecordError): void {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(printableError(error));
  }
}
