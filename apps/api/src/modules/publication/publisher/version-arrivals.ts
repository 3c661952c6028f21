// A client that read `…/current` at one API process may ask another for that version a few
// milliseconds before the other process's Redis message brings it (issue 16, docs/NGINX.md). Such a
// request waits here for the version instead of a 404: one wait per election and version, shared by
// every request for it, with one timer at a time; nothing waits for a number that cannot be on its way.

/** How long a request for a version just ahead waits for it: far above a Redis hop, short for a reader. */
export const VERSION_WAIT_MS = 2000;
/**
 * Versions go out at most once a second (COALESCE_MS), so a number more than this far ahead of the
 * held one is a guess, answered at once: a process that far behind has lost a message and the
 * 5-second version check catches it up.
 */
export const VERSIONS_AHEAD = 2;
/**
 * Without the version by then the message is late or lost: the process checks the database and
 * catches up. Not at once: a reload of a Land's election costs far more than the message's hop.
 */
const CATCH_UP_AFTER_MS = 1000;

type Wait = { readonly arrived: Promise<boolean>; readonly settle: (arrived: boolean) => void; timer: NodeJS.Timeout };

export class VersionArrivals {
  private readonly waits = new Map<string, Map<number, Wait>>();

  /** `catchUp`: the version check of one election, which reloads it if the database is ahead. */
  constructor(private readonly catchUp: (electionId: string) => Promise<void>) {}

  /** True once the process holds `version` or a later one; false after VERSION_WAIT_MS. */
  wait(electionId: string, version: number): Promise<boolean> {
    const waits = this.waits.get(electionId) ?? new Map<number, Wait>();
    this.waits.set(electionId, waits);
    const known = waits.get(version);
    if (known) return known.arrived;
    let settle!: (arrived: boolean) => void;
    const arrived = new Promise<boolean>((resolve) => (settle = resolve));
    const wait: Wait = { arrived, settle, timer: setTimeout(() => this.checkAndWait(electionId, version, wait), CATCH_UP_AFTER_MS) };
    waits.set(version, wait);
    return arrived;
  }

  /** The election's publication has moved to `version`: the waits up to it end. */
  reached(electionId: string, version: number): void {
    for (const [awaited, wait] of this.waits.get(electionId) ?? []) if (awaited <= version) this.end(electionId, awaited, wait, true);
  }

  /** Ends every wait with a 404 (the process stops). */
  clear(): void {
    for (const [electionId, waits] of this.waits) for (const [version, wait] of waits) this.end(electionId, version, wait, false);
  }

  private checkAndWait(electionId: string, version: number, wait: Wait): void {
    this.catchUp(electionId).catch(() => undefined); // the version check logs its failure
    wait.timer = setTimeout(() => this.end(electionId, version, wait, false), VERSION_WAIT_MS - CATCH_UP_AFTER_MS);
  }

  private end(electionId: string, version: number, wait: Wait, arrived: boolean): void {
    clearTimeout(wait.timer);
    const waits = this.waits.get(electionId);
    waits?.delete(version);
    if (waits?.size === 0) this.waits.delete(electionId);
    wait.settle(arrived);
  }
}
