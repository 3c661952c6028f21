import type { FieldControl, FormField } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';

/** Shows each 422 problem at its field (paths like `$.debtorIban`); true when one was shown. */
export function showFieldProblems(error: unknown, fields: Readonly<Record<string, FormField<FieldControl>>>): boolean {
  const problems = error instanceof ApiError ? error.errors : [];
  let shown = false;
  for (const [path, field] of Object.entries(fields)) {
    const problem = problems.find((entry) => entry.path === path);
    if (problem) {
      field.setError(problem.message ?? '');
      if (!shown) field.control.focus();
      shown = true;
    }
  }
  return shown;
}
