import type { QuickReport } from '@wahl/domain';
import type { ReportActionResult } from '@wahl/contracts';
import type { ElectionNightContext } from '../elections/read-model/election-night-context';

// In-process events of quick reports, emitted after the transaction has committed (ReportsService.write).
// Subscribers: aggregation (totals, progress), audit (sealing), the office gateway (district status).

/** A change of a district's counted version: the totals move by it. */
export type CountedChange = {
  readonly districtId: string;
  /** The revision after the change; the totals must hold revision − 1. */
  readonly revision: number;
  /** The newly counted version, or null when the district leaves the totals (rejection). */
  readonly next: QuickReport | null;
};

/** Every write on a district's report: its new state (for the dashboard, the audit sealer). */
export class ReportStateChanged {
  static readonly event = 'quick-reports.report-state-changed';
  constructor(
    readonly context: ElectionNightContext,
    readonly result: ReportActionResult,
    readonly updatedAt: string,
  ) {}
}

/** A version now counts: confirmed by a second entry or approved (four eyes). */
export class ReportCounted {
  static readonly event = 'quick-reports.report-counted';
  constructor(
    readonly context: ElectionNightContext,
    readonly change: CountedChange,
  ) {}
}

/** The office corrected a counted report; the correction counts at once. */
export class ReportCorrected {
  static readonly event = 'quick-reports.report-corrected';
  constructor(
    readonly context: ElectionNightContext,
    readonly change: CountedChange,
  ) {}
}

/** A counted report was rejected and left the totals (`change.next` is null). */
export class ReportWithdrawn {
  static readonly event = 'quick-reports.report-withdrawn';
  constructor(
    readonly context: ElectionNightContext,
    readonly change: CountedChange,
  ) {}
}

export type CountedReportEvent = ReportCounted | ReportCorrected | ReportWithdrawn;
