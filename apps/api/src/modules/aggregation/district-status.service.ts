import { Injectable } from '@nestjs/common';
import { DISTRICT_STATES, type DistrictState, type DistrictStatusList, type DistrictStatusView } from '@wahl/contracts';
import type { Actor } from '../../platform/auth/roles';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { stateLabel } from '../quick-reports/report-states';
import { AggregationRepository } from './aggregation.repository';

export type { DistrictStatusView };

/** Every district's state for the office dashboard, in the document's order, with counts per state. */
@Injectable()
export class DistrictStatusService {
  constructor(
    private readonly contexts: ElectionReadModel,
    private readonly repository: AggregationRepository,
  ) {}

  async list(actor: Actor, electionId: string): Promise<DistrictStatusList> {
    const context = await this.contexts.forActor(actor, electionId);
    const rows = new Map((await this.repository.statuses(electionId)).map((row) => [row.districtId, row]));
    const districts: DistrictStatusView[] = context.districts.map((district) => {
      const row = rows.get(district.id);
      const state = row?.state ?? 'missing';
      const confirmations = row?.confirmations ?? [];
      return {
        districtId: district.id,
        number: district.number,
        name: district.name,
        kind: district.kind,
        pollingStation: district.pollingStation?.name ?? null,
        postalDistrictId: district.postalDistrictId,
        state,
        stateLabel: stateLabel(state),
        currentVersion: row?.currentVersion ?? 0,
        countedVersion: row?.countedVersion ?? null,
        comparedVersion: row?.comparedVersion ?? null,
        enteredBy: row?.enteredByName ?? null,
        confirmedBy: row?.confirmedByName ?? null,
        rejectionReason: row?.rejectionReason ?? null,
        warnings: (row?.warnings ?? []).map((warning) => ({
          ...warning,
          comment: confirmations.find((c) => c.rule === warning.rule)?.comment ?? null,
        })),
        updatedAt: row?.updatedAt?.toISOString() ?? null,
      };
    });
    const counts = Object.fromEntries(DISTRICT_STATES.map((state) => [state, 0])) as Record<DistrictState, number>;
    for (const district of districts) counts[district.state] += 1;
    return {
      electionId,
      total: districts.length,
      counted: counts.confirmed + counts.corrected,
      counts,
      districts,
    };
  }
}
