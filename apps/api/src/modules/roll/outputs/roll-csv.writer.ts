import { csvCell } from '../import/register-import.service';
import { germanDay, printedRemarks, votingMark, type DistrictRollDocument } from './roll-document';

const HEADER = ['nr', 'familienname', 'vornamen', 'geburtsdatum', 'anschrift', 'plz', 'ort', 'stimmabgabevermerk', 'bemerkungen', 'status'];

/** A district's roll as `;`-separated CSV (UTF-8 with BOM, so spreadsheets read the umlauts). */
export function districtRollCsv(document: DistrictRollDocument): string {
  const lines = [HEADER.join(';')];
  for (const entry of document.entries) {
    lines.push(
      [
        String(entry.voter_number),
        entry.family_name,
        entry.given_names,
        germanDay(entry.birth_date),
        `${entry.street} ${entry.house_number}`,
        entry.postal_code,
        entry.city,
        votingMark(entry),
        printedRemarks(entry),
        entry.status === 'active' ? 'eingetragen' : 'gestrichen',
      ]
        .map(csvCell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
