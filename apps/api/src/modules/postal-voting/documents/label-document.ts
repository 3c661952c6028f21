import type { PostalElection } from '../shared/postal-election.service';
import { officeValues } from './office-values';
import { deliveryLines, newPostalPdf, type CertificateItem } from './certificate-document';
import { BOLD, mm, REGULAR } from './pdf-text';
import { fillPlaceholders, loadLabelTemplate } from './postal-templates';

// Address labels for the envelopes with the postal documents (R3.6/R3.7 address lines), on A4 label
// sheets as templates/postal-voting/labels.json describes. Collections get a label too (marked
// "Abholung im Wahlamt"), so the prepared envelopes can be filed by name.

export async function renderLabels(election: PostalElection, items: readonly CertificateItem[]): Promise<Buffer> {
  const template = loadLabelTemplate();
  const createdAt = new Date(Math.max(0, ...items.map((i) => i.issuedAt.getTime())));
  const doc = newPostalPdf(`Adressetiketten Briefwahl (${items.length})`, election.municipalityName, createdAt);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const perPage = template.columns * template.rows;
  const sender = fillPlaceholders(template.sender, officeValues(election));
  items.forEach((item, index) => {
    if (index % perPage === 0) doc.addPage({ size: 'A4', margin: 0 });
    const slot = index % perPage;
    const x = mm(template.marginLeft + (slot % template.columns) * template.labelWidth + template.padding);
    const y = mm(template.marginTop + Math.floor(slot / template.columns) * template.labelHeight + template.padding);
    const width = mm(template.labelWidth - 2 * template.padding);
    // One line each, cut with an ellipsis rather than wrapped into the next line (R3.6: no overlaps).
    const line = (text: string, size: number, top: number): void => {
      doc.text(text, x, top, { width, height: size * 1.2, lineBreak: true, ellipsis: true });
    };
    doc.font(REGULAR).fontSize(template.senderSize).fillColor('#000000');
    line(sender, template.senderSize, y);
    let cursor = y + template.senderSize * 1.8;
    if (item.delivery === 'collection') {
      doc.font(BOLD).fontSize(template.size);
      line(template.collectionNote, template.size, cursor);
      cursor += template.size * 1.25;
      doc.font(REGULAR);
      line(`Wahlschein-Nr. ${item.number}`, template.size, cursor);
      cursor += template.size * 1.5;
    }
    doc.font(REGULAR).fontSize(template.size);
    for (const text of deliveryLines(item)) {
      line(text, template.size, cursor);
      cursor += template.size * 1.25;
    }
  });
  doc.end();
  return done;
}
