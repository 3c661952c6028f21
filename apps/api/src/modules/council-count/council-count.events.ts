// In-process events of council counting, emitted after the transaction has committed.

/** The office declared a council contest's result final (publication drops its cached public result). */
export class CouncilResultDeclared {
  static readonly event = 'council-count.result-declared';
  constructor(readonly electionId: string) {}
}
