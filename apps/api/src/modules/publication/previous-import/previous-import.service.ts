import { Injectable } from '@nestjs/common';
import { parseOpenDataCsv } from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { ElectionReadModel } from '../../elections/read-model/election-read-model.service';
import { ElectionsService } from '../../elections/elections.service';
import { PublisherService } from '../publisher/publisher.service';
import { previousFromOpenData, type PreviousImportReport } from './previous-from-open-data';
import type { PreviousImportBody } from '@wahl/contracts';

export type PreviousImportResult = Omit<PreviousImportReport, 'previous'> & {
  readonly electionId: string;
  readonly previousElection: { readonly name: string; readonly electionDay: string };
  readonly results: number;
};

/** Imports the previous election from a votemanager open-data file and republishes the comparison. */
@Injectable()
export class PreviousImportService {
  constructor(
    private readonly elections: ElectionsService,
    private readonly contexts: ElectionReadModel,
    private readonly publisher: PublisherService,
  ) {}

  async import(actor: Actor, electionId: string, body: PreviousImportBody): Promise<PreviousImportResult> {
    await this.elections.getForOffice(actor, electionId);
    const context = await this.contexts.load(electionId);
    if (!context) throw notFound('Die Wahl');
    const parsed = parseOpenDataCsv(body.csv);
    if (!parsed.ok) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Die CSV-Datei ist keine lesbare Open-Data-Datei.',
        parsed.error.map((problem) => ({ path: '$.csv', message: problem.message })),
      );
    }
    const report = previousFromOpenData(parsed.value, body, {
      districtNumbers: context.districts.map((district) => district.number),
      contests: context.contests.map((contest) => ({
        key: contest.key,
        lists: contest.lists.map((list) => ({ key: list.key, shortName: list.shortName, name: list.name })),
      })),
    });
    if (report.districtsMatched === 0) {
      throw new AppError('VALIDATION_FAILED', 'Keine Zeile der Datei passt zu einem Wahlbezirk dieser Wahl (gebiet-nr = Bezirksnummer).', [
        {
          path: '$.csv',
          message: `Nummern in der Datei: ${report.unmatchedRows
            .slice(0, 5)
            .map((row) => row.number)
            .join(', ')} …`,
        },
      ]);
    }
    const stored = await this.elections.replacePreviousElection(actor, electionId, report.previous);
    await this.publisher.reload(electionId);
    const { previous, ...rest } = report;
    return { electionId, previousElection: { name: previous.name, electionDay: previous.electionDay }, ...rest, results: stored.results };
  }
}
