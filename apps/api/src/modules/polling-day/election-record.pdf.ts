import type { ElectionRecord, ElectionRecordContent, FieldDifference } from '@wahl/contracts';
import { BOARD_ROLES, type BoardRole } from '@wahl/domain';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { fillPlaceholders, fonts } from '../postal-voting/documents/postal-templates';

// The Wahlniederschrift as a print PDF in the order of Anlage 29 BWO. Its fixed texts are data in
// templates/election-record/anlage-29.json (a municipality may reword them without a code change);
// the layout flows, because members, incidents and lists differ in length per district.

const TEMPLATE_FILE = 'templates/election-record/anlage-29.json';
const titled = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ title: z.string().min(1), ...shape });
const templateSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string(),
  heading: z.string(),
  roles: z.strictObject(Object.fromEntries(BOARD_ROLES.map((role) => [role, z.string().min(1)])) as Record<BoardRole, z.ZodString>),
  sections: z.strictObject({
    members: titled({ text: z.string(), helpers: z.string() }),
    voting: titled({ opening: z.string(), closing: z.string() }),
    incidents: titled({ none: z.string() }),
    count: titled({
      doubtful: z.string(),
      recount: z.string(),
      noRecount: z.string(),
      /** A warning of the plausibility rules (P3, P7, P8) the board confirmed with its reason. */
      confirmation: z.string(),
      /** Per rule what it is about and its paragraph. */
      rules: z.record(z.string(), z.string()),
    }),
    result: titled({ text: z.string() }),
    differences: titled({ none: z.string(), noQuickReport: z.string() }),
    signatures: titled({ text: z.string(), missing: z.string(), checked: z.string() }),
  }),
});
export type RecordTemplate = z.infer<typeof templateSchema>;

/** Reads and checks the template; a bad file is refused with every problem listed. */
export function loadRecordTemplate(file = TEMPLATE_FILE): RecordTemplate {
  const parsed = templateSchema.safeParse(JSON.parse(readFileSync(resolve(file), 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

export type RecordResultRow = { readonly letter: string; readonly label: string; readonly value: number | null };

export type RecordDocumentInput = {
  readonly template: RecordTemplate;
  readonly heading: Readonly<Record<'wahl' | 'wahltag' | 'gemeinde' | 'wahlbezirk' | 'wahlbezirk_name', string>>;
  readonly view: ElectionRecord;
  readonly record: ElectionRecordContent;
  readonly rows: readonly RecordResultRow[];
  readonly createdAt: Date;
};

const MARGIN = 50;
const REGULAR = 'Record';
const BOLD = 'Record-Bold';
const dateTime = (iso: string): string =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso));
const figure = (value: number | null): string => (value === null ? '–' : value.toLocaleString('de-DE'));

export function renderElectionRecordPdf(input: RecordDocumentInput): Promise<Buffer> {
  const { template, view, record } = input;
  const sections = template.sections;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${template.title} Wahlbezirk ${view.districtNumber}`, Author: input.heading.gemeinde, CreationDate: input.createdAt },
  });
  const { regular, bold } = fonts();
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const paragraph = (text: string, size = 10) => doc.font(REGULAR).fontSize(size).text(text, { width, paragraphGap: 4 });
  const section = (title: string) => {
    doc.moveDown(0.6);
    doc.font(BOLD).fontSize(12).text(title, { width, paragraphGap: 4 });
  };

  doc.font(BOLD).fontSize(18).text(template.title, { width });
  paragraph(template.subtitle, 9);
  doc.font(BOLD).fontSize(11).text(fillPlaceholders(template.heading, input.heading), { width, paragraphGap: 6 });

  section(sections.members.title);
  paragraph(sections.members.text, 9);
  for (const member of record.members) {
    const substitute = member.substitute ? `, Ersatzmitglied, berufen um ${member.since} Uhr` : `, seit ${member.since} Uhr`;
    paragraph(`• ${member.name} – ${template.roles[member.role]}${substitute}`);
  }
  if (record.helpers.length > 0) paragraph(fillPlaceholders(sections.members.helpers, { hilfskraefte: record.helpers.join(', ') }));

  section(sections.voting.title);
  paragraph(fillPlaceholders(sections.voting.opening, { eroeffnung: record.openedAt }));
  paragraph(fillPlaceholders(sections.voting.closing, { schluss: record.votingClosedAt }));

  section(sections.incidents.title);
  if (record.incidents.length === 0) paragraph(sections.incidents.none);
  for (const incident of record.incidents) {
    paragraph(`${incident.occurredAt} Uhr: ${incident.text}${incident.decision ? ` – Beschluss: ${incident.decision}` : ''}`);
  }

  section(sections.count.title);
  const { decidedValid, decidedInvalid } = record.doubtfulBallots;
  paragraph(
    fillPlaceholders(sections.count.doubtful, {
      zweifelhaft: String(decidedValid + decidedInvalid),
      gueltig: String(decidedValid),
      ungueltig: String(decidedInvalid),
    }),
  );
  paragraph(
    record.recountReason ? fillPlaceholders(sections.count.recount, { nachzaehlung: record.recountReason }) : sections.count.noRecount,
  );
  for (const confirmation of record.counts.confirmations)
    paragraph(
      fillPlaceholders(sections.count.confirmation, {
        regel: confirmation.rule,
        vorschrift: sections.count.rules[confirmation.rule] ?? 'Plausibilitätsprüfung',
        begruendung: confirmation.comment,
      }),
    );

  section(sections.result.title);
  paragraph(sections.result.text, 9);
  resultTable(doc, input.rows, width);

  section(sections.differences.title);
  differencesText(view.differences, view.quickReportVersion, record.differencesExplanation, sections.differences).forEach((text) =>
    paragraph(text),
  );

  section(sections.signatures.title);
  paragraph(fillPlaceholders(sections.signatures.text, { fassung: String(view.revision) }));
  for (const signature of view.signatures) paragraph(`${signature.name} – unterschrieben ${dateTime(signature.signedAt)}`);
  if (view.signatures.length < view.requiredSignatures) doc.font(BOLD).fontSize(10).text(sections.signatures.missing, { width });
  if (view.checkedAt)
    paragraph(fillPlaceholders(sections.signatures.checked, { geprueft_am: dateTime(view.checkedAt), geprueft_von: view.checkedBy ?? '' }));

  doc.end();
  return done;
}

function resultTable(doc: InstanceType<typeof PDFDocument>, rows: readonly RecordResultRow[], width: number): void {
  const letterWidth = 40;
  const valueWidth = 70;
  for (const row of rows) {
    if (doc.y > doc.page.height - MARGIN - 20) doc.addPage();
    const y = doc.y;
    doc.font(BOLD).fontSize(10).text(row.letter, MARGIN, y, { width: letterWidth });
    doc.font(REGULAR).text(row.label, MARGIN + letterWidth, y, { width: width - letterWidth - valueWidth });
    const below = doc.y;
    doc.font(BOLD).text(figure(row.value), MARGIN + width - valueWidth, y, { width: valueWidth, align: 'right' });
    doc.x = MARGIN;
    doc.y = Math.max(below, doc.y) + 2;
  }
}

function differencesText(
  differences: readonly FieldDifference[],
  quickReportVersion: number | null,
  explanation: string,
  texts: RecordTemplate['sections']['differences'],
): string[] {
  if (quickReportVersion === null) return [texts.noQuickReport];
  if (differences.length === 0) return [texts.none];
  return [
    ...differences.map(
      (difference) => `${difference.field}: Schnellmeldung ${figure(difference.left)}, Niederschrift ${figure(difference.right)}`,
    ),
    `Erläuterung: ${explanation}`,
  ];
}
