import { addressLines, type PostalDeliveryKind } from '@wahl/domain';
import PDFDocument from 'pdfkit';
import { drawSvg } from '../../polling-cards/rendering/svg-drawing';
import type { RollEntryRow } from '../../roll/roll.service';
import type { PostalStoredAddress as StoredAddress, PostalStoredRepresentative as StoredRepresentative } from '@wahl/contracts';
import { germanDay, germanIsoDay } from '../shared/german-format';
import type { PostalDistrict, PostalElection } from '../shared/postal-election.service';
import { officeValues } from './office-values';
import { fillPlaceholders, fonts, loadCertificateTemplate, type CertificateTemplate, type CertificateValues } from './postal-templates';
import { BOLD, mm, REGULAR, richText } from './pdf-text';

// The Wahlschein (BWO § 28, model Anlage 9) as PDF, one A4 page per certificate, from
// templates/postal-voting/wahlschein.json. The address block carries the delivery address, so the
// sheet fits a DIN lang window envelope (DIN 5008 form B, R3.6); the lower part is the sworn
// declaration for postal voting that the voter signs.

export type CertificateItem = {
  readonly number: string;
  readonly issuedAt: Date;
  readonly issuedBy: string;
  readonly delivery: PostalDeliveryKind;
  readonly deliveryAddress: StoredAddress | null;
  readonly representative: StoredRepresentative | null;
  readonly entry: RollEntryRow;
  /** A3 (BWO § 25(2)): the person is not in the roll and has no roll number. */
  readonly notInRoll?: boolean;
};

const LONG_DAY = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const longDay = (isoDay: string): string => LONG_DAY.format(new Date(`${isoDay}T00:00:00Z`));

export const voterName = (entry: RollEntryRow): string => `${entry.given_names} ${entry.family_name}`;

/** The lines the documents go to (R3.7: name, street, `PLZ Ort` last; abroad the country after it). */
export function deliveryLines(item: Pick<CertificateItem, 'delivery' | 'deliveryAddress' | 'entry'>): string[] {
  const { entry } = item;
  if (item.delivery === 'other-address' && item.deliveryAddress) {
    const a = item.deliveryAddress;
    return [
      a.name || voterName(entry),
      a.addition ?? '',
      `${a.street} ${a.houseNumber}`,
      `${a.postalCode} ${a.city}`,
      a.country ? a.country.toUpperCase() : '',
    ]
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  }
  return addressLines({
    nameLines: [voterName(entry)],
    street: entry.street,
    houseNumber: entry.house_number,
    postalCode: entry.postal_code,
    town: entry.city,
  });
}

function deliveryNote(item: CertificateItem): string {
  const representative = item.representative ? ` Vertreten durch ${item.representative.name} (schriftliche Vollmacht).` : '';
  switch (item.delivery) {
    case 'home':
      return `Versand an die Wohnanschrift.${representative}`;
    case 'other-address':
      return `Versand auf Antrag an: ${deliveryLines(item).slice(1).join(', ')}.${representative}`;
    case 'collection':
      return item.representative
        ? `Abholung im Wahlamt durch ${item.representative.name} mit schriftlicher Vollmacht.`
        : 'Abholung im Wahlamt.';
  }
}

export function certificateValues(
  template: CertificateTemplate,
  election: PostalElection,
  district: PostalDistrict | undefined,
  item: CertificateItem,
): CertificateValues {
  const { entry } = item;
  const base = {
    ...officeValues(election),
    wahl: election.name,
    wahltag: longDay(election.electionDay),
    wahlkreis: election.constituency ? `${election.constituency.number} ${election.constituency.name}` : election.municipalityName,
    nummer: item.number,
    name: voterName(entry),
    geburtsdatum: germanIsoDay(entry.birth_date),
    strasse_hausnummer: `${entry.street} ${entry.house_number}`,
    plz_ort: `${entry.postal_code} ${entry.city}`,
    anschrift: deliveryLines(item).join('\n'),
    wahlbezirk: district?.number ?? '',
    wahlbezirk_name: district?.name ?? '',
    waehlernummer: item.notInRoll ? '– (nicht eingetragen, BWO § 25 Abs. 2)' : String(entry.voter_number),
    briefwahlbezirk: district?.postalDistrict ?? 'siehe Wahlbriefumschlag',
    ausgestellt_am: germanDay(item.issuedAt),
    ausgestellt_von: item.issuedBy,
    versand: deliveryNote(item),
  };
  return { ...base, gebiet: fillPlaceholders(template.area[election.kind], base) };
}

function collect(doc: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((done, fail) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.on('error', fail);
  });
}

export function newPostalPdf(
  title: string,
  author: string,
  createdAt: Date,
  layout: 'portrait' | 'landscape' = 'portrait',
): InstanceType<typeof PDFDocument> {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Author: author, Creator: 'Wahlsystem', CreationDate: createdAt },
  });
  const { regular, bold } = fonts();
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  return doc;
}

/** All certificates in one PDF, one page each, in the given order. */
export async function renderCertificates(
  election: PostalElection,
  districts: ReadonlyMap<string, PostalDistrict>,
  items: readonly CertificateItem[],
): Promise<Buffer> {
  const template = loadCertificateTemplate();
  const createdAt = new Date(Math.max(0, ...items.map((i) => i.issuedAt.getTime())));
  const doc = newPostalPdf(
    items.length === 1 ? `Wahlschein ${items[0]!.number}` : `Wahlscheine (${items.length})`,
    election.municipalityName,
    createdAt,
  );
  const done = collect(doc);
  for (const item of items) {
    doc.addPage({ size: 'A4', margin: 0 });
    const values = certificateValues(template, election, districts.get(item.entry.district_id), item);
    for (const element of template.elements) {
      switch (element.type) {
        case 'text':
          richText(doc, fillPlaceholders(element.text, values), mm(element.x), mm(element.y), {
            width: mm(element.width),
            size: element.size,
            ...(element.height !== undefined ? { height: mm(element.height) } : {}),
            align: element.align,
            paragraphGap: element.paragraphGap,
          });
          break;
        case 'box':
          doc.rect(mm(element.x), mm(element.y), mm(element.width), mm(element.height)).lineWidth(element.stroke).stroke('#000000');
          break;
        case 'line':
          if (element.dash) doc.dash(element.dash, { space: element.dash });
          doc.moveTo(mm(element.x1), mm(element.y1)).lineTo(mm(element.x2), mm(element.y2)).lineWidth(0.5).stroke('#000000');
          doc.undash();
          break;
        case 'seal':
          if (template.sealSvg) drawSvg(doc, template.sealSvg, mm(element.x), mm(element.y), mm(element.size), mm(element.size));
          break;
      }
    }
  }
  doc.end();
  return done;
}
