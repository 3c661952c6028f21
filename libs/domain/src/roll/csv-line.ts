import { err, ok, type Result } from '../result';

// One line of `;`-separated CSV with `"` quoting, as municipal register exports write it.
// Decisions:
// - A record is exactly one line. A quoted field may hold `;` and doubled `""`, but no line break:
//   register data has none, and this keeps the reader line-based with a hard line-length cap
//   (an unterminated quote is reported on its own line instead of swallowing the rest of the file).
// - A `"` inside an unquoted field, or anything but `;` after a closing quote, is an error.
// - One trailing `\r` (CRLF files) is dropped; whitespace is kept (callers trim per field).
// The splitter makes one pass with indexOf, slices without copying per character, and can reuse
// the caller's output array across lines.

export type CsvLineError = {
  /** 1-based number of the field where the problem is. */
  readonly field: number;
  /** German, for the import report. */
  readonly reason: string;
};

const QUOTE = 34; // "
const SEMICOLON = 59; // ;
const CARRIAGE_RETURN = 13;

export function splitCsvLine(line: string, maxFields: number, out: string[] = []): Result<string[], CsvLineError> {
  out.length = 0;
  const end = line.length > 0 && line.charCodeAt(line.length - 1) === CARRIAGE_RETURN ? line.length - 1 : line.length;
  let pos = 0;
  let nextQuote = line.indexOf('"');
  for (;;) {
    if (out.length === maxFields) {
      return err({ field: maxFields + 1, reason: `Die Zeile hat mehr als ${maxFields} Felder.` });
    }
    const field = out.length + 1;
    if (pos < end && line.charCodeAt(pos) === QUOTE) {
      let value = '';
      let segmentStart = pos + 1;
      let searchFrom = pos + 1;
      for (;;) {
        const closing = line.indexOf('"', searchFrom);
        if (closing === -1 || closing >= end) {
          return err({ field, reason: 'Ein Anführungszeichen wird nicht geschlossen (Felder dürfen keinen Zeilenumbruch enthalten).' });
        }
        if (closing + 1 < end && line.charCodeAt(closing + 1) === QUOTE) {
          value += line.slice(segmentStart, closing + 1);
          searchFrom = closing + 2;
          segmentStart = searchFrom;
          continue;
        }
        value += line.slice(segmentStart, closing);
        pos = closing + 1;
        break;
      }
      out.push(value);
      if (pos === end) return ok(out);
      if (line.charCodeAt(pos) !== SEMICOLON) {
        return err({ field, reason: 'Nach dem schließenden Anführungszeichen muss ein Semikolon oder das Zeilenende folgen.' });
      }
      pos += 1;
      nextQuote = line.indexOf('"', pos);
    } else {
      const semicolon = line.indexOf(';', pos);
      const fieldEnd = semicolon === -1 || semicolon > end ? end : semicolon;
      if (nextQuote !== -1 && nextQuote < fieldEnd) {
        return err({ field, reason: 'Ein Anführungszeichen steht mitten in einem Feld ohne Anführungszeichen.' });
      }
      out.push(line.slice(pos, fieldEnd));
      if (fieldEnd === end) return ok(out);
      pos = fieldEnd + 1;
    }
  }
}

/** Writes one line the splitter reads back unchanged; quotes only where needed. */
export function formatCsvLine(fields: readonly string[]): string {
  return fields
    .map((value) => {
      if (/[\r\n]/.test(value)) throw new RangeError('A CSV field of this format cannot contain a line break');
      return value.includes(';') || value.includes('"') ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(';');
}
