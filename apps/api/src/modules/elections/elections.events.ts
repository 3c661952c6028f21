// In-process events of election definitions, emitted after the transaction has committed
// (ElectionsService). Subscribers: the publisher, which reads the election again ahead of the night,
// and the quick reports' DistrictStates, which make each district's night state row.

/** An election's definition was imported or changed. */
export class ElectionDefinitionChanged {
  static readonly event = 'elections.definition-changed';
  constructor(readonly electionId: string) {}
}
