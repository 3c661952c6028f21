import type { CardRecord } from '@wahl/domain';

// The seam between the print engine and wherever the voters come from. The roll module's adapter
// (reading the frozen roll per election) implements this; the engine only iterates.

export type CardRecordSource = {
  /** Every record of the job, in any order: the job sorts them into mailing order itself (R3.10). */
  readonly records: () => AsyncIterable<CardRecord>;
};

/** A source over records already in memory (previews, follow-up jobs of a few voters, benchmarks). */
export function cardRecordsFrom(records: readonly CardRecord[]): CardRecordSource {
  return {
    records: async function* () {
      yield* records;
    },
  };
}
