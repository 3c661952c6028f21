import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  combinedResultView,
  combineMunicipalityTotals,
  type AreaResultView,
  type ElectionKind,
  type MunicipalityTotals,
} from '@wahl/domain';
import { DataSource } from 'typeorm';
import { assertSameOffice } from '../../../platform/auth/tenancy';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { OfficeEntity, type OfficeLevel } from '../../identity/entities/office.entity';
import { ElectionNightContextService } from '../context/election-night-context.service';
import type { NightContest, NightList } from '../context/election-night-context';
import { TotalsService } from '../totals/totals.service';

const OFFICE = 'Das Wahlamt';
// Elections are loaded a few at a time: a Land office sums hundreds of municipalities.
const PARALLEL_LOADS = 8;

export type SupraMunicipalTotalsQuery = { readonly kind: ElectionKind; readonly electionDay: string };

export type MunicipalityRow = {
  readonly officeId: string;
  readonly name: string;
  readonly ags: string;
  /** False while the municipality has not imported an election of this kind and day. */
  readonly hasElection: boolean;
  /** P12: quick reports counted / expected in the municipality. */
  readonly reported: number;
  readonly expected: number;
};

export type SupraMunicipalTotalsView = {
  readonly office: { readonly id: string; readonly name: string; readonly ags: string; readonly level: OfficeLevel };
  readonly kind: ElectionKind;
  readonly electionDay: string;
  readonly reported: number;
  readonly expected: number;
  readonly complete: boolean;
  readonly eligible: number;
  readonly voters: number;
  readonly votersWithWahlschein: number;
  /** P10: over the complete units of all municipalities. */
  readonly turnout: AreaResultView['turnout'];
  readonly contests: readonly {
    readonly key: string;
    readonly name: string;
    readonly invalid: number;
    readonly valid: number;
    readonly invalidPercent: number | null;
    readonly lists: readonly { key: string; shortName: string; name: string; color: string; votes: number; percent: number | null }[];
  }[];
  readonly municipalities: readonly MunicipalityRow[];
};

type MunicipalityOffice = { id: string; name: string; ags: string };
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contexts: ElectionNightContextService,
    private readonly nightTotals: TotalsService,
  ) {}

  async totals(actor: Actor, officeId: string, query: SupraMunicipalTotalsQuery): Promise<SupraMunicipalTotalsView> {
    assertSameOffice(actor, officeId, OFFICE);
    const office = await this.dataSource.getRepository(OfficeEntity).findOneBy({ id: officeId });
    // A municipality has its own election routes; this sum exists only above it.
    if (!office || office.level === 'municipality') throw notFound(OFFICE);

    const municipalities = await this.descendantMunicipalities(officeId);
    const electionOf = await this.electionsOf(
      municipalities.map((m) => m.id),
      query,
    );
    const parts: (Part | null)[] = [];
    for (let start = 0; start < municipalities.length; start += PARALLEL_LOADS) {
      const batch = municipalities.slice(start, start + PARALLEL_LOADS);
      parts.push(...(await Promise.all(batch.map((m) => this.municipalityPart(electionOf.get(m.id))))));
    }

    const present = parts.filter((part) => part !== null);
    const combined = combineMunicipalityTotals(office.id, present);
    if (!combined.ok) throw new AppError('CONFLICT', combined.error.message);
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

  // UNION (not UNION ALL) stops at a cycle in parent_id instead of recursing forever.
  private async descendantMunicipalities(officeId: string): Promise<MunicipalityOffice[]> {
    return (await this.dataSource.query(
      `WITH RECURSIVE below AS (
         SELECT id, name, ags, level FROM offices WHERE parent_id = $1
         UNION
         SELECT o.id, o.name, o.ags, o.level FROM offices o JOIN below b ON o.parent_id = b.id
       )
       SELECT id, name, ags FROM below WHERE level = 'municipality' ORDER BY ags`,
      [officeId],
    )) as MunicipalityOffice[];
  }

  // Should a municipality have imported the same election twice, its latest import counts.
  private async electionsOf(officeIds: readonly string[], query: SupraMunicipalTotalsQuery): Promise<Map<string, string>> {
    if (officeIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (office_id) office_id, id FROM elections
       WHERE office_id = ANY($1::uuid[]) AND kind = $2 AND election_day = $3::date
       ORDER BY office_id, created_at DESC`,
      [officeIds, query.kind, query.electionDay],
    )) as { office_id: string; id: string }[];
    return new Map(rows.map((row) => [row.office_id, row.id]));
  }
}
