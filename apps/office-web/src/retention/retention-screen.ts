import type { RetentionCategory, RetentionPlan } from '../api/retention.types';

// The plain logic of the "Aufbewahrung und Löschung" screen (R8.4): each category's state and
// whether a run would delete anything. The views only draw it.

export type CategoryState = 'held' | 'due' | 'waiting' | 'empty';

export type CategoryRow = {
  readonly category: RetentionCategory;
  readonly dueDay: string;
  readonly state: CategoryState;
  readonly rows: number;
  readonly wouldDelete: number;
  readonly lastRun: RetentionPlan['categories'][number]['lastRun'];
};

export function categoryRows(plan: RetentionPlan): CategoryRow[] {
  return plan.categories.map((c) => ({
    category: c.category,
    dueDay: c.dueDay,
    state: c.rows === 0 ? 'empty' : !c.due ? 'waiting' : plan.hold ? 'held' : 'due',
    rows: c.rows,
    wouldDelete: c.wouldDelete,
    lastRun: c.lastRun,
  }));
}

/** Rows a run would delete now, in all categories. */
export const rowsDueNow = (plan: RetentionPlan): number => plan.categories.reduce((sum, c) => sum + c.wouldDelete, 0);
