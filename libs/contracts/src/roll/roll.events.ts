// Socket events the roll emits to the office namespace (room of the election). Types only, no zod:
// the gateway joins this map into the office namespace's ServerToClient map.
import type { RegisterImportStatus } from './register-import';
import type { RollChanged } from './roll-summary';

export type RollOfficeEvents = {
  /** An import's state and progress (without its error list, which may quote residents). */
  'roll:import': (status: RegisterImportStatus) => void;
  /** Counts of the roll changed (built, decisions, "W" marks, numbers locked, closed). */
  'roll:changed': (event: RollChanged) => void;
};
