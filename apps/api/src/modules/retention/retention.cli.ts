import { LEGAL_HOLD_REASON_LABELS, type RetentionPlan, type RetentionRunResult } from '@wahl/contracts';
import { RETENTION_CATEGORY_LABELS } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import type { RetentionService } from './retention.service';

// `npm run cli -- retention --election ID [--dry-run]`: deletes what is due now (R8.4), or with
// --dry-run only prints the plan. Counts only, never a deleted value.

const format = (n: number): string => n.toLocaleString('de-DE');

export function planLines(plan: RetentionPlan): string[] {
  const hold = plan.hold
    ? [`Löschsperre seit ${plan.hold.setAt.slice(0, 10)} (${LEGAL_HOLD_REASON_LABELS[plan.hold.reason]}): es wird nichts gelöscht.`]
    : [];
  return [
    `Aufbewahrung der Wahl vom ${plan.electionDay} (Stand ${plan.today}):`,
    ...hold,
    ...plan.categories.map(
      (c) =>
        `  ${c.label}: löschbar ab ${c.dueDay}, ${format(c.rows)} Datensätze gespeichert, ein Lauf löscht jetzt ${format(c.wouldDelete)}`,
    ),
  ];
}

export const runLines = (result: RetentionRunResult): string[] =>
  result.deleted.length === 0
    ? ['Nichts ist fällig.']
    : result.deleted.map((d) => `  ${RETENTION_CATEGORY_LABELS[d.category]}: ${format(d.rows)} Datensätze gelöscht`);

export async function runRetentionCommand(retention: RetentionService, actor: Actor, electionId: string, dryRun: boolean): Promise<number> {
  const lines = dryRun ? planLines(await retention.plan(actor, electionId)) : runLines(await retention.run(actor, electionId));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
