import { Injectable, Logger } from '@nestjs/common';
import { RealtimeGateway } from '../../platform/realtime/realtime.gateway';
import type { ElectionNightContext } from './context/election-night-context';
import type { ReportActionResult } from './reports/reports.service';
import { TotalsService } from './totals/totals.service';

/** Socket events of election night, sent to the office room of the election. */
export const ELECTION_NIGHT_EVENTS = {
  /** A district's report changed state: `DistrictStatusEvent`. */
  district: 'election-night:district',
  /** Counted districts of the whole election: `ProgressEvent`. */
  progress: 'election-night:progress',
} as const;

/** Only state and version numbers – no counts, names or anything about voters. */
export type DistrictStatusEvent = {
  readonly electionId: string;
  readonly districtId: string;
  readonly districtNumber: string;
  readonly state: ReportActionResult['state'];
  readonly currentVersion: number;
  readonly countedVersion: number | null;
  readonly updatedAt: string;
};

export type ProgressEvent = { readonly electionId: string; readonly reported: number; readonly expected: number };

/** Publishes after the transaction has committed (callers make sure of that). */
@Injectable()
export class ElectionNightEvents {
  private readonly logger = new Logger(ElectionNightEvents.name);

  constructor(
    private readonly gateway: RealtimeGateway,
    private readonly totals: TotalsService,
  ) {}

  districtChanged(context: ElectionNightContext, result: ReportActionResult, updatedAt: string): void {
    const event: DistrictStatusEvent = {
      electionId: context.electionId,
      districtId: result.districtId,
      districtNumber: result.districtNumber,
      state: result.state,
      currentVersion: result.currentVersion,
      countedVersion: result.countedVersion,
      updatedAt,
    };
    this.gateway.emitToOfficeElection(context.officeId, context.electionId, ELECTION_NIGHT_EVENTS.district, event);
    this.totals
      .progress(context)
      .then((progress) => {
        if (!progress) return;
        const payload: ProgressEvent = { electionId: context.electionId, ...progress };
        this.gateway.emitToOfficeElection(context.officeId, context.electionId, ELECTION_NIGHT_EVENTS.progress, payload);
      })
      .catch((error: unknown) =>
        this.logger.warn(`progress of ${context.electionId}: ${error instanceof Error ? error.message : String(error)}`),
      );
  }
}
