import {
  createRollEntryDecider,
  createRollOrderKeyer,
  createStreetIndex,
  lineTooLongError,
  parseRegisterLine,
  type ElectionKind,
  type IsoDate,
  type RecordError,
  type RegisterColumnMap,
  type RegisterRecord,
  type RollEntryDecision,
  type Street,
  type StreetIndex,
} from '@wahl/domain';
import { copyValue, COPY_NULL, CopyTextBuffer } from './copy-text-buffer';
import { hashPersonId } from './person-id-set';

/** What the import pass needs of the election to decide each resident (R1.1–R1.8, R2.4); plain data. */
export type RollFactsContext = {
  readonly kind: ElectionKind;
  readonly electionDay: IsoDate;
  /** Stichtag (R1.7/R1.8). */
  readonly cutoffDay: IsoDate;
  /** The street directory (R2.4), indexed where the rows are formatted. */
  readonly streets: readonly Street[];
};

/** Everything a line pass needs: plain data, so that a worker thread receives it as a copy. */
export type LinePassSetup = {
  readonly importId: string;
  readonly facts: RollFactsContext;
  readonly columns: RegisterColumnMap;
};

/** Register lines in file order; a negative line number marks a line too long to be read. */
export type LineBatch = { readonly texts: readonly string[]; readonly lineNos: Int32Array };

/** Rows formatted, of them entered into the roll, of those without exactly one district. */
export type RowCounts = { readonly written: number; readonly entered: number; readonly unassigned: number };

/** The outcome of a batch, applied by the run in file order. */
export type LineBatchResult = RowCounts & {
  /** COPY text rows (UTF-8) of the valid records. */
  readonly rows: readonly Uint8Array[];
  /** The problems of each bad record, in line order. */
  readonly rejected: readonly (readonly RecordError[])[];
  /** Per written row: the two hashes of its person id and its line (for the duplicate check). */
  readonly personIds: Int32Array;
};

/** The house number as printed and looked up: `12` + `a` → `12a`; a numeric suffix is a Bruchnummer, `12/1`. */
export function printableHouseNumber(houseNumber: string, suffix: string | null): string {
  if (!suffix) return houseNumber;
  return /^\d/.test(suffix) ? `${houseNumber}/${suffix}` : `${houseNumber}${suffix}`;
}

const flag = (value: boolean): string => (value ? 't' : 'f');
const same = (value: string): string => value;

/**
 * A valid record → its register_rows COPY row: entry decision, district and order key, derived once
 * in the import pass. Counts what it formats.
 */
export class RegisterRowFormatter {
  private entered = 0;
  private unassigned = 0;
  private written = 0;
  private readonly orderKey = createRollOrderKeyer();
  private readonly decide: (record: RegisterRecord) => RollEntryDecision;
  private readonly streets: StreetIndex;

  constructor(
    private readonly importId: string,
    facts: RollFactsContext,
  ) {
    this.decide = createRollEntryDecider(facts.kind, facts.electionDay, facts.cutoffDay);
    this.streets = createStreetIndex(facts.streets);
  }

  /** The counts since the last call. */
  takeCounts(): RowCounts {
    const counts = { written: this.written, entered: this.entered, unassigned: this.unassigned };
    this.written = this.entered = this.unassigned = 0;
    return counts;
  }

  /** `text` escapes a value for COPY (the identity when the line holds no backslash). */
  format(record: RegisterRecord, lineNo: number, text: (value: string) => string): string {
    const decision = this.decide(record);
    const houseNumber = printableHouseNumber(record.houseNumber, record.houseNumberSuffix);
    const lookup = this.streets.find(record.streetKey, houseNumber);
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
    let reasons = COPY_NULL;
    let key = '';
    if (decision.entered) {
      this.entered++;
      if (lookup.kind !== 'match') this.unassigned++;
      key = text(this.orderKey(record));
    } else {
      reasons = decision.reasons.join(',');
    }
    this.written++;
    return (
      `${this.importId}\t${lineNo}\t${text(record.personId)}\t${text(record.familyName)}\t${text(record.givenNames)}\t${record.birthDate}\t` +
      `${text(record.streetKey)}\t${text(record.street)}\t${text(houseNumber)}\t${text(record.postalCode)}\t${text(record.city)}\t` +
      `${flag(record.informationBlock)}\t${flag(decision.entered)}\t${reasons}\t${district}\t${status}\t${candidates}\t${key}\n`
    );
  }
}

/**
 * The costly part of an import, batch by batch: parse and check each line, format the valid ones as
 * COPY rows in UTF-8 and hash their person ids. Pure computation on plain data, so the same code runs
 * in the import's thread or in a worker thread (`register-line.worker.ts`).
 */
export class RegisterLinePass {
  private readonly formatter: RegisterRowFormatter;
  private readonly out = new CopyTextBuffer();
  private readonly columns: RegisterColumnMap;

  constructor(setup: LinePassSetup) {
    this.formatter = new RegisterRowFormatter(setup.importId, setup.facts);
    this.columns = setup.columns;
  }

  run({ texts, lineNos }: LineBatch): LineBatchResult {
    const formatter = this.formatter;
    const rejected: RecordError[][] = [];
    const personIds = new Int32Array(texts.length * 3);
    let hashed = 0;
    for (let i = 0; i < texts.length; i++) {
      const lineNo = lineNos[i]!;
      if (lineNo < 0) {
        rejected.push([lineTooLongError(-lineNo)]);
        continue;
      }
      const text = texts[i]!;
      const parsed = parseRegisterLine(text, this.columns, lineNo);
      if (!parsed.ok) {
        rejected.push(parsed.error);
        continue;
      }
      // No backslash in the line: no value needs escaping for COPY (one scan instead of one per value).
      this.out.add(formatter.format(parsed.value, lineNo, text.includes('\\') ? copyValue : same));
      hashPersonId(parsed.value.personId, personIds, hashed);
      personIds[hashed + 2] = lineNo;
      hashed += 3;
    }
    return { ...formatter.takeCounts(), rows: this.out.take(), rejected, personIds: personIds.subarray(0, hashed) };
  }
}
