import { germanDayTime } from '../shared/german-format';
import { newPostalPdf } from './certificate-document';
import { BOLD, REGULAR } from './pdf-text';

// R1.16 (BWO § 53(2)): the Nachtragsliste "W" of one polling district for its board. Voters who
// received a Wahlschein after the roll was closed get "W" added by the Wahlvorsteher before voting
// starts, and the closing certificate is corrected (A1 down, A2 up). The certificates declared
// invalid in the district are listed too, so that the board turns them away.

export type SupplementaryRow = { readonly cells: readonly string[] };

export type SupplementaryListDocument = {
  readonly electionName: string;
  readonly municipalityName: string;
  readonly districtNumber: string;
  readonly districtName: string;
  readonly closedAt: Date;
  readonly createdAt: Date;
  readonly afterClosing: readonly SupplementaryRow[];
  readonly invalid: readonly SupplementaryRow[];
  readonly counts: {
    readonly atClosing: { readonly A1: number; readonly A2: number };
    readonly now: { readonly A1: number; readonly A2: number };
  };
};

const MARGIN = 40;

type Column = { readonly title: string; readonly width: number };

const AFTER_CLOSING: readonly Column[] = [
  { title: 'WVZ-Nr.', width: 55 },
  { title: 'Familienname, Vornamen', width: 200 },
  { title: 'Geburtsdatum', width: 75 },
  { title: 'Anschrift', width: 215 },
  { title: 'Wahlschein-Nr.', width: 90 },
  { title: 'Erteilt am', width: 95 },
];

const INVALID: readonly Column[] = [
  { title: 'Wahlschein-Nr.', width: 90 },
  { title: 'WVZ-Nr.', width: 55 },
  { title: 'Familienname, Vornamen', width: 200 },
  { title: 'Grund', width: 200 },
  { title: 'Für ungültig erklärt', width: 95 },
  { title: 'Ersatz-Nr.', width: 90 },
];

export async function renderSupplementaryList(list: SupplementaryListDocument): Promise<Buffer> {
  const doc = newPostalPdf(`Nachtragsliste W – Wahlbezirk ${list.districtNumber}`, list.municipalityName, list.createdAt, 'landscape');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN });
  const left = MARGIN;
  const right = doc.page.width - MARGIN;
  const bottom = doc.page.height - MARGIN;
  let y = MARGIN;

  const heading = (text: string, size: number): void => {
    doc
      .font(BOLD)
      .fontSize(size)
      .fillColor('#000000')
      .text(text, left, y, { width: right - left });
    y = doc.y + 4;
  };
  const paragraph = (text: string): void => {
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(text, left, y, { width: right - left });
    y = doc.y + 6;
  };
  const table = (columns: readonly Column[], rows: readonly SupplementaryRow[], empty: string): void => {
    const header = (): void => {
      let x = left;
      doc.font(BOLD).fontSize(8.5);
      for (const c of columns) {
        doc.text(c.title, x + 2, y, { width: c.width - 4 });
        x += c.width;
      }
      y += 14;
      doc.moveTo(left, y).lineTo(right, y).lineWidth(0.8).stroke('#000000');
      y += 3;
    };
    header();
    if (rows.length === 0) {
      paragraph(empty);
      return;
    }
    doc.font(REGULAR).fontSize(9);
    for (const row of rows) {
      const height = Math.max(...columns.map((c, i) => doc.heightOfString(row.cells[i] || ' ', { width: c.width - 4 }))) + 4;
      if (y + height > bottom) {
        doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN });
        y = MARGIN;
        header();
        doc.font(REGULAR).fontSize(9);
      }
      let x = left;
      columns.forEach((c, i) => {
        doc.text(row.cells[i] ?? '', x + 2, y, { width: c.width - 4 });
        x += c.width;
      });
      y += height;
      doc.moveTo(left, y).lineTo(right, y).lineWidth(0.3).stroke('#999999');
      y += 2;
    }
    y += 8;
  };

  heading(`Nachtragsliste „W“ – Wahlbezirk ${list.districtNumber} ${list.districtName}`, 14);
  paragraph(
    `${list.electionName} · ${list.municipalityName} · Wählerverzeichnis abgeschlossen am ${germanDayTime(list.closedAt)} · Stand ${germanDayTime(list.createdAt)}\n` +
      'Der Wahlvorsteher vermerkt vor Beginn der Stimmabgabe bei den folgenden Personen im Wählerverzeichnis „W“ und berichtigt die Abschlussbescheinigung (BWO § 53 Abs. 2).',
  );
  heading('1. Nach Abschluss des Wählerverzeichnisses erteilte Wahlscheine', 11);
  table(AFTER_CLOSING, list.afterClosing, 'Keine.');
  heading('2. Für ungültig erklärte Wahlscheine (Stimmabgabe mit diesen Wahlscheinen zurückweisen)', 11);
  table(INVALID, list.invalid, 'Keine.');
  heading('3. Berichtigung der Abschlussbescheinigung', 11);
  const { atClosing, now } = list.counts;
  paragraph(
    `Wahlberechtigte ohne Sperrvermerk „W“ (A1): bisher ${atClosing.A1}, jetzt ${now.A1}\n` +
      `Wahlberechtigte mit Sperrvermerk „W“ (A2): bisher ${atClosing.A2}, jetzt ${now.A2}\n` +
      `Zusammen (A1 + A2): ${now.A1 + now.A2}`,
  );
  doc.end();
  return done;
}
