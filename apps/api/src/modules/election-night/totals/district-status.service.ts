import { Injectable } from '@nestjs/common';
import type { PlausibilityFinding } from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { ElectionNightContextService } from '../context/election-night-context.service';
import { DISTRICT_STATES, stateLabel, type DistrictState } from '../reports/report-states';
import { ReportsRepository } from '../reports/reports.repository';

export type DistrictStatusView = {
  readonly districtId: string;
  readonly number: string;
  readonly name: string;
  readonly kind: 'polling' | 'postal';
  readonly pollingStation: string | null;
  readonly postalDistrictId: string | null;
  readonly state: DistrictState;
  readonly stateLabel: string;
  readonly currentVersion: number;
  readonly countedVersion: number | null;
  /** Flagged: the version the current one differs from. */
  readonly comparedVersion: number | null;
  readonly enteredBy: string | null;
  readonly confirmedBy: string | null;
  readonly rejectionReason: string | null;
  /** Warnings of the current version with the confirming comment. */
  readonly warnings: readonly (PlausibilityFinding & { readonly comment: string | null })[];
  readonly updatedAt: string | null;
};

/** Every district's state for the office dashboard, in the document's order, with counts per state. */
@Injectable()
export class DistrictStatusService {
  constructor(
    private readonly contexts: ElectionNightContextService,
    private readonly repository: ReportsRepository,
  ) {}

  async list(actor: Actor, electionId: string) {
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
