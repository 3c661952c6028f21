import { Injectable } from '@nestjs/common';
import { germanDate } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { notFound } from '../../platform/errors/app-error';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { reportForm } from '../quick-reports/report-form';
import { toQuickReport } from '../quick-reports/report-input';
import { loadRecordTemplate, renderElectionRecordPdf, type RecordResultRow } from './election-record.pdf';
import { ElectionRecordService } from './election-record.service';

/** The stored Wahlniederschrift of a district as the print PDF (Anlage 29 BWO). */
@Injectable()
export class ElectionRecordDocument {
  constructor(
    private readonly records: ElectionRecordService,
    private readonly elections: ElectionReadModel,
  ) {}

  async render(actor: Actor, electionId: string, districtId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const view = await this.records.record(actor, electionId, districtId);
    if (!view.record) throw notFound('Die Niederschrift');
    const { context, district } = await this.elections.districtForActor(actor, electionId, districtId);
    const report = toQuickReport(view.record.counts, district, context);
    const form = reportForm(context, district);
    const rows: RecordResultRow[] = [
      ...form.fields.map((field) => ({
        letter: field.letter,
        label: field.label,
        value: report[field.letter as 'A1' | 'A2' | 'A3' | 'A' | 'B' | 'B1'],
      })),
      ...form.contests.flatMap((contest) => {
        const counts = report.contests.find((candidate) => candidate.contestId === contest.key);
        return [
          { letter: contest.invalid.letter, label: contest.invalid.label, value: counts?.invalid ?? null },
          { letter: contest.valid.letter, label: contest.valid.label, value: counts?.valid ?? null },
          ...contest.lists.map((list) => ({ letter: list.letter, label: list.label, value: counts?.votes[list.key] ?? null })),
        ];
      }),
    ];
    const pdf = await renderElectionRecordPdf({
      template: loadRecordTemplate(),
      heading: {
        wahl: context.name,
        wahltag: germanDate(context.electionDay),
        gemeinde: context.municipality.name,
        wahlbezirk: district.number,
        wahlbezirk_name: district.name,
      },
      view,
      record: view.record,
      rows,
      createdAt: new Date(),
    });
    return { pdf, fileName: `wahlniederschrift-${district.number}.pdf` };
  }
}
