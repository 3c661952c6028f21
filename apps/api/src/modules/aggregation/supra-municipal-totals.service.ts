import { Injectable } from '@nestjs/common';
import type { MunicipalityRow, SupraMunicipalTotalsQuery, SupraMunicipalTotalsView } from '@wahl/contracts';
import { combinedResultView, combineMunicipalityTotals, type MunicipalityTotals } from '@wahl/domain';
import { assertSameOffice } from '../../platform/auth/tenancy';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import type { NightContest, NightList } from '../elections/read-model/election-night-context';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { AggregationRepository } from './aggregation.repository';
import { TotalsService } from './totals.service';

const OFFICE = 'Das Wahlamt';
// Elections are loaded a few at a time: a Land office sums hundreds of municipalities.
const PARALLEL_LOADS = 8;

export type { MunicipalityRow, SupraMunicipalTotalsView };

/** A municipality's counted totals, with the names and colours of its contests and lists. */
type Part = MunicipalityTotals & { readonly details: readonly NightContest[] };

/**
 * Totals of an office above the municipality (county, constituency, Land): the sum of the counted
 * municipality totals of its descendant municipalities' elections of one kind and day (P11, P12).
 * The office gets only these sums; the municipalities' elections stay scoped to their own office.
 */
@Injectable()
export class SupraMunicipalTotalsService {
  constructor(
    private readonly repository: AggregationRepository,
    private readonly contexts: ElectionReadModel,
    private readonly nightTotals: TotalsService,
  ) {}

  async totals(actor: Actor, officeId: string, query: SupraMunicipalTotalsQuery): Promise<SupraMunicipalTotalsView> {
    assertSameOffice(actor, officeId, OFFICE);
    const office = await this.repository.office(officeId);
    // A municipality has its own election routes; this sum exists only above it.
    if (!office || office.level === 'municipality') throw notFound(OFFICE);

    const municipalities = await this.repository.descendantMunicipalities(officeId);
    const electionOf = await this.repository.electionsOf(
      municipalities.map((m) => m.id),
      query.kind,
      query.electionDay,
    );
    const parts: (Part | null)[] = [];
    for (let start = 0; start < municipalities.length; start += PARALLEL_LOADS) {
      const batch = municipalities.slice(start, start + PARALLEL_LOADS);
      parts.push(...(await Promise.all(batch.map((m) => this.municipalityPart(electionOf.get(m.id))))));
    }

    const present = parts.filter((part) => part !== null);
    const combined = combineMunicipalityTotals(office.id, present);
    if (!combined.ok) throw new AppError('TOTALS_NOT_COMBINABLE', combined.error.message);
    const view = combinedResultView(combined.value);
    // Names come from the first municipality that has the contest or list (the combined order).
    const contestByKey = new Map<string, NightContest>();
    const listByKey = new Map<string, NightList>();
    for (const contest of present.flatMap((part) => part.details)) {
      if (!contestByKey.has(contest.key)) contestByKey.set(contest.key, contest);
      for (const list of contest.lists) if (!listByKey.has(`${contest.key}/${list.key}`)) listByKey.set(`${contest.key}/${list.key}`, list);
    }

    return {
      office: { id: office.id, name: office.name, ags: office.ags, level: office.level },
      kind: query.kind,
      electionDay: query.electionDay,
      reported: view.reported,
      expected: view.expected,
      complete: view.complete,
      eligible: combined.value.totals.A,
      voters: combined.value.totals.B,
      votersWithWahlschein: combined.value.totals.B1,
      turnout: view.turnout,
      contests: view.contests.map((contestView) => ({
        key: contestView.contestId,
        name: contestByKey.get(contestView.contestId)?.name ?? contestView.contestId,
        invalid: contestView.invalid,
        valid: contestView.valid,
        invalidPercent: contestView.invalidPercent,
        lists: contestView.lists.map((listView) => {
          const list = listByKey.get(`${contestView.contestId}/${listView.listId}`);
          return {
            key: listView.listId,
            shortName: list?.shortName ?? listView.listId,
            name: list?.name ?? listView.listId,
            color: list?.color ?? '#808080',
            votes: listView.votes,
            percent: listView.percent,
          };
        }),
      })),
      municipalities: municipalities.map((municipality, index) => ({
        officeId: municipality.id,
        name: municipality.name,
        ags: municipality.ags,
        hasElection: parts[index] !== null,
        reported: parts[index]?.totals.reported ?? 0,
        expected: parts[index]?.totals.expected ?? 0,
      })),
    };
  }

  private async municipalityPart(electionId: string | undefined): Promise<Part | null> {
    if (electionId === undefined) return null;
    const context = await this.contexts.load(electionId);
    if (!context) return null;
    return { contests: context.resultContests, totals: await this.nightTotals.municipalityTotals(context), details: context.contests };
  }
}
