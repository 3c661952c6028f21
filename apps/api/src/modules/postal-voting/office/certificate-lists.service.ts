import { Injectable } from '@nestjs/common';
import type { PostalCertificate, PostalCertificatePage, PostalIssueBatchList, PostalSupplementaryList } from '@wahl/contracts';
import type { CertificateStatus } from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { RollService } from '../../roll/roll.service';
import { renderCertificates, type CertificateItem } from '../documents/certificate-document';
import { renderLabels } from '../documents/label-document';
import { renderSupplementaryList } from '../documents/supplementary-list-document';
import { CertificatesRepository, type CertificateRow } from '../shared/certificates.repository';
import { germanDayTime, germanIsoDay } from '../shared/german-format';
import { PostalElectionService, type PostalElection } from '../shared/postal-election.service';
import { certificateView } from './office-views';

/** Runs listed on the screen: the latest of a day's work, counter issues (runs of one) included. */
const LISTED_BATCHES = 30;

const CSV_HEADER = [
  'wahlschein_nr',
  'status',
  'wahlbezirk',
  'wvz_nr',
  'familienname',
  'vornamen',
  'geburtsdatum',
  'erteilt_am',
  'versand',
  'ungueltig_am',
  'grund',
  'ersetzt_durch',
];

/** A CSV cell with `;`, quotes and formula characters made harmless (spreadsheets run `=…`). */
const csvCell = (value: string): string => {
  const safe = /^[=+@-]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * The Wahlscheinverzeichnis and its outputs: issued and declared-invalid certificates (lists, CSV),
 * the certificate and label PDFs, and the per-district Nachtragsliste W for the board (R1.16).
 */
@Injectable()
export class CertificateListsService {
  constructor(
    private readonly elections: PostalElectionService,
    private readonly roll: RollService,
    private readonly certificates: CertificatesRepository,
  ) {}

  async list(
    actor: Actor,
    electionId: string,
    filter: { status?: CertificateStatus; districtId?: string; limit: number; offset: number },
  ): Promise<PostalCertificatePage> {
    const election = await this.elections.forActor(actor, electionId);
    const { total, rows } = await this.certificates.list(election.id, filter);
    return { total, items: await this.views(election, rows) };
  }

  async csv(actor: Actor, electionId: string, status: CertificateStatus | undefined): Promise<{ text: string; fileName: string }> {
    const election = await this.elections.forActor(actor, electionId);
    const { rows } = await this.certificates.list(election.id, { ...(status ? { status } : {}), limit: 10_000_000, offset: 0 });
    const views = await this.views(election, rows);
    const lines = [CSV_HEADER.join(';')];
    for (const v of views) {
      const [family = '', given = ''] = (v.voter?.name ?? '').split(', ');
      lines.push(
        [
          v.number,
          v.statusLabel,
          v.voter?.districtNumber ?? '',
          String(v.voter?.voterNumber ?? ''),
          family,
          given,
          v.voter ? germanIsoDay(v.voter.birthDate) : '',
          germanDayTime(new Date(v.issuedAt)),
          v.deliveryLabel,
          v.invalidatedAt ? germanDayTime(new Date(v.invalidatedAt)) : '',
          v.invalidReasonLabel ?? '',
          v.replacedByNumber ?? '',
        ]
          .map(csvCell)
          .join(';'),
      );
    }
    const kind = status === 'invalid' ? 'ungueltige-wahlscheine' : status === 'valid' ? 'wahlscheine' : 'wahlscheinverzeichnis';
    return { text: `\uFEFF${lines.join('\r\n')}\r\n`, fileName: `${kind}.csv` };
  }

  /** One certificate as PDF (e.g. to print it again). */
  async certificatePdf(actor: Actor, electionId: string, certificateId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const election = await this.elections.forActor(actor, electionId);
    const rows = await this.certificates.byIds(election.id, [certificateId]);
    if (rows.length === 0) throw notFound('Der Wahlschein');
    if (rows[0]!.status !== 'valid')
      throw new AppError(
        'CERTIFICATE_INVALID_NOT_PRINTED',
        `Der Wahlschein ${rows[0]!.number} ist für ungültig erklärt und wird nicht mehr gedruckt.`,
      );
    return {
      pdf: await renderCertificates(election, await this.elections.districts(election), await this.items(election, rows)),
      fileName: `wahlschein-${rows[0]!.number}.pdf`,
    };
  }

  /** The latest issuing runs, newest first, so a run cut short (page closed, connection lost) keeps its PDFs on screen. */
  async batches(actor: Actor, electionId: string): Promise<PostalIssueBatchList> {
    const election = await this.elections.forActor(actor, electionId);
    const rows = await this.certificates.batches(election.id, LISTED_BATCHES);
    return {
      items: rows.map((row) => ({
        batchId: row.batch_id,
        startedAt: row.started_at.toISOString(),
        endedAt: row.ended_at.toISOString(),
        certificates: row.certificates,
        issuedBy: row.issued_by,
      })),
    };
  }

  /** The certificates or labels of one issuing run, in number order (still valid ones only). */
  async batchPdf(
    actor: Actor,
    electionId: string,
    batchId: string,
    kind: 'certificates' | 'labels',
  ): Promise<{ pdf: Buffer; fileName: string }> {
    const election = await this.elections.forActor(actor, electionId);
    const rows = (await this.certificates.byBatch(election.id, batchId)).filter((r) => r.status === 'valid');
    if (rows.length === 0) throw notFound('Der Ausstellungslauf');
    const items = await this.items(election, rows);
    if (kind === 'labels') return { pdf: await renderLabels(election, items), fileName: `etiketten-${batchId.slice(0, 8)}.pdf` };
    return {
      pdf: await renderCertificates(election, await this.elections.districts(election), items),
      fileName: `wahlscheine-${batchId.slice(0, 8)}.pdf`,
    };
  }

  async supplementaryList(actor: Actor, electionId: string, districtId: string): Promise<PostalSupplementaryList> {
    const election = await this.elections.forActor(actor, electionId);
    const district = (await this.elections.districts(election)).get(districtId);
    if (!district) throw notFound('Der Wahlbezirk');
    const closing = await this.roll.closing(election.id);
    const [afterRows, invalidRows, counts, fixed] = await Promise.all([
      closing ? this.certificates.firstIssuedAfter(election.id, district.id, closing.closedAt) : Promise.resolve([]),
      this.certificates.invalidOfDistrict(election.id, district.id),
      this.roll.closingCounts(election.id),
      this.roll.closingOfDistrict(election.id, district.id),
    ]);
    const now = counts.districts.find((d) => d.districtId === district.id) ?? { A1: 0, A2: 0 };
    const afterClosing = await this.views(election, afterRows);
    // R1.16: the counts as certified at closing (before closing there is nothing to correct yet).
    const atClosing = fixed ?? now;
    return {
      electionId: election.id,
      district: { id: district.id, number: district.number, name: district.name },
      closedAt: closing?.closedAt.toISOString() ?? null,
      afterClosing,
      invalid: await this.views(election, invalidRows),
      counts: { atClosing: { A1: atClosing.A1, A2: atClosing.A2 }, now: { A1: now.A1, A2: now.A2 } },
    };
  }

  async supplementaryListPdf(
    actor: Actor,
    electionId: string,
    districtId: string,
    now: Date = new Date(),
  ): Promise<{ pdf: Buffer; fileName: string }> {
    const election = await this.elections.forActor(actor, electionId);
    const list = await this.supplementaryList(actor, electionId, districtId);
    if (!list.closedAt)
      throw new AppError(
        'SUPPLEMENTARY_LIST_ROLL_OPEN',
        'Das Wählerverzeichnis ist noch nicht abgeschlossen; es gibt noch keine Nachtragsliste.',
      );
    const name = (v: PostalCertificate): string => v.voter?.name ?? '';
    const pdf = await renderSupplementaryList({
      electionName: election.name,
      municipalityName: election.municipalityName,
      districtNumber: list.district.number,
      districtName: list.district.name,
      closedAt: new Date(list.closedAt),
      createdAt: now,
      afterClosing: list.afterClosing.map((v) => ({
        cells: [
          String(v.voter?.voterNumber ?? ''),
          name(v),
          v.voter ? germanIsoDay(v.voter.birthDate) : '',
          v.voter?.address ?? '',
          v.number,
          germanDayTime(new Date(v.issuedAt)),
        ],
      })),
      invalid: list.invalid.map((v) => ({
        cells: [
          v.number,
          String(v.voter?.voterNumber ?? ''),
          name(v),
          [v.invalidReasonLabel, v.invalidNote].filter(Boolean).join(': '),
          v.invalidatedAt ? germanDayTime(new Date(v.invalidatedAt)) : '',
          v.replacedByNumber ?? '–',
        ],
      })),
      counts: list.counts,
    });
    return { pdf, fileName: `nachtragsliste-w-${list.district.number}.pdf` };
  }

  async views(election: PostalElection, rows: readonly CertificateRow[]): Promise<PostalCertificate[]> {
    const entries = new Map(
      (await this.roll.entriesOf(election.id, [...new Set(rows.map((r) => r.voter_id))])).map((e) => [e.voter_id, e]),
    );
    const districts = await this.elections.districts(election);
    return rows.map((row) => certificateView(row, entries.get(row.voter_id), districts));
  }

  private async items(election: PostalElection, rows: readonly CertificateRow[]): Promise<CertificateItem[]> {
    const entries = new Map(
      (
        await this.roll.entriesOf(
          election.id,
          rows.map((r) => r.voter_id),
        )
      ).map((e) => [e.voter_id, e]),
    );
    return rows.flatMap((row) => {
      const entry = entries.get(row.voter_id);
      if (!entry) return [];
      return [
        {
          number: row.number,
          issuedAt: row.issued_at,
          issuedBy: row.issued_by_username,
          delivery: row.delivery,
          deliveryAddress: row.delivery_address,
          representative: row.representative,
          entry,
        },
      ];
    });
  }
}
