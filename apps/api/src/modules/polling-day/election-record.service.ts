import { Injectable } from '@nestjs/common';
import {
  OFFICE_STAFF,
  RECORD_REQUIRED_SIGNATURES,
  type ElectionRecord,
  type ElectionRecordContent,
  type FieldDifference,
  type PublicResultStatus,
  type RecordOverview,
  type SaveElectionRecordBody,
} from '@wahl/contracts';
import { checkQuickReport, districtResultStatus, electionResultStatus, type QuickReport, type ResultStatus } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { memberNameKey } from '../board-access/member-name';
import type { ElectionNightContext, NightDistrict } from '../elections/read-model/election-night-context';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { acceptFindings, reportDifferences, toQuickReport } from '../quick-reports/report-input';
import { ElectionRecordRepository, type CountedReport, type RecordRow } from './election-record.repository';
import { PollingDayRepository, type EntryRow } from './polling-day.repository';

const isSigned = (row: RecordRow): boolean => new Set(row.signatures.map((s) => s.memberId)).size >= RECORD_REQUIRED_SIGNATURES;

const statusOf = (row: RecordRow | undefined, counted: CountedReport | undefined): ResultStatus =>
  districtResultStatus({
    quickReportCounts: counted !== undefined,
    record: row ? { signed: isSigned(row), checked: row.checkedAt !== null } : null,
  });

/**
 * The Wahlniederschrift (BWO § 72, Anlage 29; DOMAIN.md R7.14, R7.15): the board saves it, members
 * present sign it personally (two different members at least), the office checks it. Its counts go
 * through the quick report's plausibility rules and are compared with the quick report that counts;
 * a difference must be explained. The district's result status follows from both.
 */
@Injectable()
export class ElectionRecordService {
  constructor(
    private readonly records: ElectionRecordRepository,
    private readonly day: PollingDayRepository,
    private readonly elections: ElectionReadModel,
  ) {}

  async record(actor: Actor, electionId: string, districtId: string): Promise<ElectionRecord> {
    const { context, district } = await this.elections.districtForActor(actor, electionId, districtId);
    const [[row], counted] = await Promise.all([
      this.records.records(electionId, districtId),
      this.records.countedReports(electionId, districtId),
    ]);
    const draft = row ? null : draftFromDay(await this.day.entries(electionId, districtId));
    return this.view(context, district, row, counted.get(districtId), draft);
  }

  async save(actor: Actor, electionId: string, districtId: string, body: SaveElectionRecordBody): Promise<ElectionRecord> {
    const { context, district } = await this.elections.districtForActor(actor, electionId, districtId);
    const report = this.checkedCounts(body.record, district, context);
    const counted = (await this.records.countedReports(electionId, districtId)).get(districtId);
    if (counted) requireExplanation(reportDifferences(counted.report, report, context), body.record.differencesExplanation);
    const row = await this.records.change(electionId, districtId, (current) => {
      if (current?.checkedAt) throw new AppError('RECORD_CHECKED');
      if ((current?.revision ?? 0) !== body.expectedRevision) throw new AppError('RECORD_REVISION_CONFLICT');
      // A changed record is a new text: signatures given to the earlier revision no longer apply.
      return {
        revision: body.expectedRevision + 1,
        record: body.record,
        signatures: [],
        checkedAt: null,
        checkedByName: null,
        savedByName: actor.username,
      };
    });
    return this.view(context, district, row, counted, null);
  }

  /** The signed-in member signs the revision they read; four eyes: never twice, only members listed as present. */
  async sign(actor: Actor, electionId: string, districtId: string, revision: number): Promise<ElectionRecord> {
    const { context, district } = await this.elections.districtForActor(actor, electionId, districtId);
    if (OFFICE_STAFF.includes(actor.role))
      throw new AppError('FORBIDDEN', 'Die Niederschrift unterschreiben nur die anwesenden Mitglieder des Wahlvorstands.');
    const row = await this.records.change(electionId, districtId, (current) => {
      if (!current) throw notFound('Die Niederschrift');
      if (current.checkedAt) throw new AppError('RECORD_CHECKED');
      if (current.revision !== revision) throw new AppError('RECORD_REVISION_CONFLICT');
      if (current.signatures.some((signature) => signature.memberId === actor.userId)) throw new AppError('RECORD_ALREADY_SIGNED');
      const signer = memberNameKey(actor.username);
      if (!current.record.members.some((member) => memberNameKey(member.name) === signer)) throw new AppError('RECORD_SIGNER_NOT_PRESENT');
      const signature = { memberId: actor.userId, name: actor.username, signedAt: new Date().toISOString() };
      return { ...current, signatures: [...current.signatures, signature] };
    });
    const counted = (await this.records.countedReports(electionId, districtId)).get(districtId);
    return this.view(context, district, row, counted, null);
  }

  /** The office has checked the signed record (§ 76): the district's figures are endgültig. */
  async check(actor: Actor, electionId: string, districtId: string): Promise<ElectionRecord> {
    const { context, district } = await this.elections.districtForActor(actor, electionId, districtId);
    const row = await this.records.change(electionId, districtId, (current) => {
      if (!current) throw notFound('Die Niederschrift');
      if (!isSigned(current)) throw new AppError('RECORD_NOT_SIGNED');
      if (current.checkedAt) return current;
      return { ...current, checkedAt: new Date(), checkedByName: actor.username };
    });
    const counted = (await this.records.countedReports(electionId, districtId)).get(districtId);
    return this.view(context, district, row, counted, null);
  }

  /** Per district the status and the differences between its counted quick report and its record. */
  async overview(actor: Actor, electionId: string): Promise<RecordOverview> {
    const context = await this.elections.forActor(actor, electionId);
    const [rows, counted] = await Promise.all([this.records.records(electionId), this.records.countedReports(electionId)]);
    const byDistrict = new Map(rows.map((row) => [row.districtId, row]));
    const districts = context.districts.map((district) => {
      const row = byDistrict.get(district.id);
      const quick = counted.get(district.id);
      return {
        districtId: district.id,
        number: district.number,
        name: district.name,
        status: statusOf(row, quick),
        revision: row?.revision ?? 0,
        signatures: row?.signatures.length ?? 0,
        differences: row && quick ? reportDifferences(quick.report, recordReport(row.record, district, context), context) : [],
        differencesExplanation: row?.record.differencesExplanation ?? '',
      };
    });
    return { electionId, status: electionResultStatus(districts.map((district) => district.status)), districts };
  }

  /** The election's stage for the public page: how many districts reached each status, none of them named. */
  async publicStatus(electionId: string): Promise<PublicResultStatus> {
    const context = await this.elections.load(electionId);
    if (!context) throw notFound('Die Wahl');
    const [rows, counted] = await Promise.all([this.records.records(electionId), this.records.countedReports(electionId)]);
    const byDistrict = new Map(rows.map((row) => [row.districtId, row]));
    const statuses = context.districts.map((district) => statusOf(byDistrict.get(district.id), counted.get(district.id)));
    const count = (status: ResultStatus): number => statuses.filter((candidate) => candidate === status).length;
    return {
      electionId,
      status: electionResultStatus(statuses),
      districts: { none: count('none'), interim: count('interim'), provisional: count('provisional'), final: count('final') },
    };
  }

  private checkedCounts(record: ElectionRecordContent, district: NightDistrict, context: ElectionNightContext): QuickReport {
    const report = recordReport(record, district, context);
    // The same plausibility as the quick report (DOMAIN.md 4.2); P2 waits for the roll's closing count.
    const findings = checkQuickReport(report, {
      districtKind: district.kind,
      contests: context.resultContests,
      closingCount: null,
      previous: context.previousByArea.get(district.id) ?? [],
    });
    acceptFindings(findings, record.counts.confirmations, report, context);
    return report;
  }

  private view(
    context: ElectionNightContext,
    district: NightDistrict,
    row: RecordRow | undefined,
    counted: CountedReport | undefined,
    draft: ElectionRecord['draft'],
  ): ElectionRecord {
    return {
      electionId: context.electionId,
      districtId: district.id,
      districtNumber: district.number,
      revision: row?.revision ?? 0,
      record: row?.record ?? null,
      draft,
      signatures: (row?.signatures ?? []).map((signature) => ({ name: signature.name, signedAt: signature.signedAt })),
      requiredSignatures: RECORD_REQUIRED_SIGNATURES,
      status: statusOf(row, counted),
      quickReportVersion: counted?.version ?? null,
      differences: row && counted ? reportDifferences(counted.report, recordReport(row.record, district, context), context) : [],
      checkedAt: row?.checkedAt?.toISOString() ?? null,
      checkedBy: row?.checkedByName ?? null,
    };
  }
}

const recordReport = (record: ElectionRecordContent, district: NightDistrict, context: ElectionNightContext): QuickReport =>
  toQuickReport(record.counts, district, context);

function requireExplanation(differences: readonly FieldDifference[], explanation: string): void {
  if (differences.length === 0 || explanation.trim().length >= 10) return;
  const listed = differences.map(
    (difference) => `${difference.field}: Schnellmeldung ${difference.left ?? '–'}, Niederschrift ${difference.right ?? '–'}`,
  );
  throw new AppError(
    'RECORD_DIFFERENCES_UNEXPLAINED',
    `Die Niederschrift weicht von der Schnellmeldung ab (${listed.join('; ')}). Bitte erläutern Sie die Abweichung (mindestens 10 Zeichen).`,
    [{ path: '$.record.differencesExplanation', message: `Abweichend: ${differences.map((difference) => difference.field).join(', ')}.` }],
  );
}

/** Before the first save: the members of the latest attendance, the opening time and the incidents of the day's log. */
function draftFromDay(entries: readonly EntryRow[]): NonNullable<ElectionRecord['draft']> {
  const attendance = entries.filter((row) => row.entry.kind === 'attendance').at(-1)?.entry;
  const opening = entries.filter((row) => row.entry.kind === 'opening').at(-1)?.entry;
  return {
    members: attendance?.kind === 'attendance' ? attendance.members : [],
    openedAt: opening?.kind === 'opening' ? opening.openedAt : null,
    incidents: entries.flatMap((row) =>
      row.entry.kind === 'incident' ? [{ occurredAt: row.entry.occurredAt, text: row.entry.text, decision: '' }] : [],
    ),
  };
}
