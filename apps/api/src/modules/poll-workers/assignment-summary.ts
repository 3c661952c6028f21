import type { AssignmentSummary } from '@wahl/contracts';
import type { ElectionNightContext } from '../elections/read-model/election-night-context';
import type { AssignmentRow } from './poll-workers.repository';

export const toAssignmentSummary = (row: AssignmentRow, context: ElectionNightContext): AssignmentSummary => ({
  ...row,
  districtNumber: row.districtId ? (context.districtById.get(row.districtId)?.number ?? null) : null,
  stateChangedAt: row.stateChangedAt.toISOString(),
});
