import {
  createRollEntryDecider,
  createRollOrderKeyer,
  lineTooLongError,
  parseRegisterLine,
  parseRegisterRecord,
  type ElectionKind,
  type IsoDate,
  type RecordError,
  type RegisterColumnMap,
  type RegisterRecord,
  type RollEntryDecision,
  type StreetIndex,
} from '@wahl/domain';
import { copyValue, COPY_NULL, type CopyTextBuffer } from './copy-text-buffer';
import { PersonIdSet } from './person-id-set';

/** What the import pass needs of the election to decide each resident (R1.1–R1.8, R2.4). */
export type RollFactsContext = {
  readonly kind: ElectionKind;
  readonly electionDay: IsoDate;
  /** Stichtag (R1.7/R1.8). */
  readonly cutoffDay: IsoDate;
  readonly streets: StreetIndex;
};

/** Errors kept for the report; beyond this only the count grows. */
export const MAX_REPORTED_ERRORS = 100;

/** Columns of register_rows in the order `RegisterImportRun` writes them. */
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

/** The house number as printed and looked up: `12` + `a` → `12a`; a numeric suffix is a Bruchnummer, `12/1`. */
export function printableHouseNumber(houseNumber: string, suffix: string | null): string {
  if (!suffix) return houseNumber;
  return /^\d/.test(suffix) ? `${houseNumber}/${suffix}` : `${houseNumber}${suffix}`;
}

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

const flag = (value: boolean): string => (value ? 't' : 'f');
const same = (value: string): string => value;

/**
 * One import's pass over the records, whichever connector delivers them: validates each record
 * (German reasons), derives entry decision, district and order key, and formats the row for COPY.
 * By default the first bad record makes the import fail (rows are no longer written, but reading
 * goes on to report every problem); with `skipInvalid` bad records are handed to `rejected`.
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
  private readonly orderKey = createRollOrderKeyer();
  private readonly personIds = new PersonIdSet();
  private readonly decide: (record: RegisterRecord) => RollEntryDecision;

  constructor(
    private readonly importId: string,
    private readonly facts: RollFactsContext,
    private readonly skipInvalid: boolean,
    private readonly out: CopyTextBuffer,
    /** Receives the problems of each left-out record (only with skipInvalid). */
    private readonly rejected: (errors: readonly RecordError[]) => void,
  ) {
    this.decide = createRollEntryDecider(facts.kind, facts.electionDay, facts.cutoffDay);
  }

  /** True once a bad record has doomed an import without skipInvalid. */
  get failing(): boolean {
    return !this.skipInvalid && this.errorCount > 0;
  }

  setColumns(columns: RegisterColumnMap): void {
    this.columns = columns;
  }

  /** A fatal problem of the whole input (header, encoding, empty file). */
  fatal(errors: readonly RecordError[]): void {
    this.hasFatal = true;
    for (const error of errors) this.report(error);
  }

  line(text: string, lineNo: number): void {
    this.recordsRead++;
    const parsed = parseRegisterLine(text, this.requireColumns(), lineNo);
    // No backslash in the line: no value needs escaping for COPY (one scan instead of one per value).
    if (parsed.ok) this.accept(parsed.value, lineNo, text.includes('\\') ? copyValue : same);
    else this.reject(parsed.error);
  }

  fields(values: readonly string[], lineNo: number): void {
    this.recordsRead++;
    const parsed = parseRegisterRecord(values, this.requireColumns(), lineNo);
    if (parsed.ok) this.accept(parsed.value, lineNo, copyValue);
    else this.reject(parsed.error);
  }

  /** A record the connector could not even turn into fields. */
  unreadable(error: RecordError): void {
    this.recordsRead++;
    this.reject([error]);
  }

  tooLong(lineNo: number): void {
    this.recordsRead++;
    this.reject([lineTooLongError(lineNo)]);
  }

  /** A record found bad after it was written (duplicate person_id): counted as rejected. */
  rejectWritten(errors: readonly RecordError[], records: number): void {
    this.rowsWritten -= records;
    this.rowsRejected += records;
    for (const error of errors) this.report(error);
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

  private accept(record: RegisterRecord, lineNo: number, text: (value: string) => string): void {
    if (this.failing || this.hasFatal) return;
    const decision = this.decide(record);
    const houseNumber = printableHouseNumber(record.houseNumber, record.houseNumberSuffix);
    const lookup = this.facts.streets.find(record.streetKey, houseNumber);
    let district = COPY_NULL;
    let candidates = COPY_NULL;
    let status: string;
    if (lookup.kind === 'match') {
      district = text(lookup.district);
      status = 'match';
    } else if (lookup.kind === 'ambiguous') {
      candidates = text(lookup.districts.join(','));
      status = 'ambiguous';
    } else {
      status = lookup.reason;
    }
    const earlier = this.personIds.add(record.personId, lineNo);
    if (earlier !== 0) this.duplicateCandidates.push(earlier, lineNo);
    let reasons = COPY_NULL;
    let key = '';
    if (decision.entered) {
      this.entered++;
      if (lookup.kind !== 'match') this.unassigned++;
      key = text(this.orderKey(record));
    } else {
      reasons = decision.reasons.join(',');
    }
    this.rowsWritten++;
    this.out.add(
      `${this.importId}\t${lineNo}\t${text(record.personId)}\t${text(record.familyName)}\t${text(record.givenNames)}\t${record.birthDate}\t` +
        `${text(record.streetKey)}\t${text(record.street)}\t${text(houseNumber)}\t${text(record.postalCode)}\t${text(record.city)}\t` +
        `${flag(record.informationBlock)}\t${flag(decision.entered)}\t${reasons}\t${district}\t${status}\t${candidates}\t${key}\n`,
    );
  }
}
