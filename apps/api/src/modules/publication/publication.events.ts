import type { PublicElectionDelta } from '@wahl/domain';

// In-process events of the publisher. The public gateway subscribes: it sends deltas to the public
// namespace's election rooms and passes messages on to the publishers of the other API processes.

/**
 * A new version was published by this process: to every client of the election, on every process.
 * `here`: the same areas from the older version this process's clients hold, when this process
 * published while a version of another process had not reached it (Redis down or a message on its
 * way): its clients take that instead of fetching a snapshot after a gap.
 */
export class ResultsPublished {
  static readonly event = 'publication.results-published';
  constructor(
    readonly delta: PublicElectionDelta,
    readonly here: PublicElectionDelta = delta,
  ) {}
}

/**
 * This process applied a version published elsewhere (the other publisher's message, or a catch-up
 * from the database after a gap or a lost message): one delta to its own clients only, once per version.
 */
export class ResultsCaughtUp {
  static readonly event = 'publication.results-caught-up';
  constructor(readonly delta: PublicElectionDelta) {}
}

/** The election's definition or previous results changed here: the other processes read it again. */
export class ElectionReloaded {
  static readonly event = 'publication.election-reloaded';
  constructor(readonly electionId: string) {}
}
