// R8.7. An independent exact rank test (fraction-free Bareiss elimination over bigint on the dense
// matrix of every released member set, every version in full) checks what the incremental RREF of
// differencing.ts decides: unit p is derivable iff rank(V ∪ {e_p}) = rank(V).
const rank = (rows: readonly (readonly number[])[]): number => {
  const matrix = rows.map((row) => row.map(BigInt));
  const width = matrix[0]?.length ?? 0;
  let found = 0;
  let previousPivot = 1n;
  for (let column = 0; column < width && found < matrix.length; column += 1) {
    const pivotRow = matrix.findIndex((row, index) => index >= found && row[column] !== 0n);
    if (pivotRow === -1) continue;
    [matrix[found], matrix[pivotRow]] = [matrix[pivotRow]!, matrix[found]!];
    const pivot = matrix[found]![column]!;
    for (let index = found + 1; index < matrix.length; index += 1) {
      const row = matrix[index]!;
      const factor = row[column]!;
      for (let other = column; other < width; other += 1)
        row[other] = (row[other]! * pivot - matrix[found]![other]! * factor) / previousPivot;
    }
    previousPivot = pivot;
    found += 1;
  }
  return found;
};

const vectorOver = (units: readonly string[], members: ReadonlySet<string>): number[] =>
  units.map((candidate) => (members.has(candidate) ? 1 : 0));

/** Whether the sum over `members` is a linear combination of the released member sets (every version in full). */
export const inSpanOf = (units: readonly string[], releases: readonly ReadonlySet<string>[], members: ReadonlySet<string>): boolean => {
  const vectors = releases.map((released) => vectorOver(units, released));
  return rank([...vectors, vectorOver(units, members)]) === rank(vectors);
};

/** Whether `unit` is a linear combination of the released member sets (every version in full). */
export const derivable = (units: readonly string[], releases: readonly ReadonlySet<string>[], unit: string): boolean =>
  inSpanOf(units, releases, new Set([unit]));
