import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { PublisherMessage } from '@wahl/contracts';
import type { AggregationState, PublicAreaResult, PublicationLog, PublicElectionDelta, ReleaseEntry } from '@wahl/domain';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import { TotalsChanged } from '../../aggregation/aggregation.events';
import { TotalsService } from '../../aggregation/totals.service';
import { ElectionDefinitionChanged } from '../../elections/elections.events';
import { ElectionReadModel } from '../../elections/read-model/election-read-model.service';
import { ElectionReloaded, ResultsCaughtUp, ResultsPublished } from '../publication.events';
import { ElectionPublication, statusOf } from './election-publication';
import { IncrementalRelease } from './incremental-release';
import { IncrementalResults } from './incremental-results';
import type { BuiltResult } from './public-results.builder';
import { buildPublicationSource, type PublicationSource } from './publication-source';
import { isEmpty, type RecordAdditions } from './publication-decisions';
import { PublicationRepository, type LockedState, type StateUpdate, type StoredState } from './publication.repository';
import { emptyLedger, keptReleased, type Ledger, type Released } from './release-decisions';
import { RecentVersions } from './recent-versions';
import { VersionArrivals, VERSIONS_AHEAD } from './version-arrivals';

export type { PublisherMessage };

/** Issue 6: updates to a room are coalesced to at most one broadcast per second. */
export const COALESCE_MS = 1000;
const UNKNOWN_ELECTION_MS = 10_000;

type Loaded = {
  readonly publication: ElectionPublication;
  readonly source: PublicationSource;
  /** Every area's result, rebuilt along the changed districts' paths only. */
  readonly results: IncrementalResults;
  /** R8.5/R8.7, decided again near the changed districts only. */
  readonly release: IncrementalRelease;
  /** R8.7: this process's copy of the publication log, kept in step with the database under the row lock. */
  readonly ledger: Ledger;
};
type PublishOutcome =
  | { readonly retryAt: number }
  | { readonly delta: PublicElectionDelta; readonly results: ReadonlyMap<string, BuiltResult> }
  | { readonly unchanged: true };
/** A catch-up never waits for the coalescing window; it may take the stored version (`adopted`). */
type CatchUpOutcome = Exclude<PublishOutcome, { readonly retryAt: number }> | { readonly adopted: PublicElectionDelta };

export type CurrentResults = {
  readonly source: PublicationSource;
  readonly totals: AggregationState;
  /** R8.5 and R8.7: what may be public, checked against the publication log like a version. */
  readonly released: Released;
  /** The published version these results are labelled with (they may be up to one cycle newer). */
  readonly version: number;
  /** That version's time ("Stand"). */
  readonly updatedAt: string;
};

/**
 * The state to store: what the decisions' record gains, the content digest and the new log entries
 * (never the entries read under the lock – they are stored already), with the new version when one goes out.
 */
const update = (
  state: StoredState,
  save: { readonly additions?: RecordAdditions; readonly releases: StateUpdate['releases']; readonly digest: string | null },
  next: { readonly version: number; readonly publishedAt: Date | null } = state,
): StateUpdate => ({
  version: next.version,
  publishedAt: next.publishedAt,
  contentDigest: save.digest,
  releases: save.releases,
  ...(save.additions ? { record: save.additions } : {}),
});

/**
 * Publishes the confirmed results of each election as versions: snapshot + deltas.
 *
 * Every API process keeps its own publisher state. A committed change of the counted reports
 * (the `TotalsChanged` event) marks the election; at most once a second the process that saw the
 * change rebuilds the public results along the paths of the districts that changed (and of those
 * whose decision changed; IncrementalResults), keeps the areas whose text changed,
 * and – holding the election's row in `public_results_state` – takes the next version number from
 * the database and records what R8.5 has made public. The delta goes to this process's clients and,
 * as a server-side message, to the other publishers, which apply it and pass it on to their own
 * clients (or catch them up from the database on a gap); each version reaches a client once, whether
 * the message or the 5-second version check brings it first. A process that loads an election whose
 * database content differs from the last published digest publishes all areas once.
 *
 * The first read and build of an election (seconds at 100,000 districts, in one synchronous stretch:
 * a build cannot yield while reports change the totals in place) happens before the night: after the
 * election's definition is imported or changed, and when a serving process starts, for the elections
 * that can still receive reports. Each process warms its own copy; a failed warm-up is logged and the
 * election is loaded at its first use as before.
 */
@Injectable()
export class PublisherService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PublisherService.name);
  private readonly loaded = new Map<string, Promise<Loaded | null>>();
  /** The loaded publications, for synchronous reads (the HTTP fast path). */
  private readonly ready = new Map<string, ElectionPublication>();
  private readonly unknown = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly dirty = new Set<string>();
  private readonly running = new Set<string>();
  private readonly lastPublished = new Map<string, number>();
  /** Per election, the newest version sent to this process's clients (kept across reloads). */
  private readonly announced = new Map<string, number>();
  /** Requests for a version just ahead of this process's, waiting for it. */
  private readonly arrivals = new VersionArrivals((electionId) => this.checkVersions([electionId]));
  private versionCheck: NodeJS.Timeout | null = null;
  /** Set when the process stops: the start-up warm-up loads no further election. */
  private stopping = false;

  constructor(
    private readonly repository: PublicationRepository,
    private readonly totals: TotalsService,
    private readonly elections: ElectionReadModel,
    private readonly events: EventEmitter2,
    private readonly recent: RecentVersions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly server: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    // Safety net for a lost Redis message: loaded elections compare their version with the database.
    this.versionCheck = setInterval(() => void this.checkVersions(), this.config.versionCheckSeconds * 1000);
    this.versionCheck.unref();
  }

  // In the background, so that the process answers at once; a command-line context serves no
  // reports and warms nothing.
  onApplicationBootstrap(): void {
    if (this.server.httpAdapter) void this.warmOpenElections();
  }

  onModuleDestroy(): void {
    this.stopping = true;
    if (this.versionCheck) clearInterval(this.versionCheck);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.arrivals.clear();
  }

  /** The election's publication; null if there is no such election. */
  async get(electionId: string): Promise<ElectionPublication | null> {
    return (await this.load(electionId))?.publication ?? null;
  }

  /** The publication if this process holds it already; never loads. */
  peek(electionId: string): ElectionPublication | undefined {
    return this.ready.get(electionId);
  }

  /**
   * Waits for `version` if it is just ahead of the version this process holds (a client read it at
   * another process, whose message is on its way); true once this process holds it or a later one.
   * False at once for any other number.
   */
  arrival(electionId: string, version: number): Promise<boolean> {
    const held = this.ready.get(electionId)?.version;
    if (held === undefined || version <= held || version > held + VERSIONS_AHEAD) return Promise.resolve(false);
    return this.arrivals.wait(electionId, version);
  }

  /** Every loaded publication, e.g. for the public list. */
  async loadedPublications(): Promise<ElectionPublication[]> {
    const all = await Promise.all([...this.loaded.values()].map((loading) => loading.catch(() => null)));
    return all.flatMap((entry) => (entry ? [entry.publication] : []));
  }

  /**
   * The totals and R8.5 decisions as of now, decided and recorded like a publication (so a file
   * built from them never shows what the live results would not), e.g. for the open-data files.
   */
  async current(electionId: string): Promise<CurrentResults | null> {
    const entry = await this.load(electionId);
    if (!entry) return null;
    const { source, ledger } = entry;
    return this.withLedger(entry, async (state) => {
      const { state: totals, journal } = await this.totals.journaled(source.context);
      const decided = entry.release.decide(totals, journal, state, ledger);
      const save = { additions: decided.additions, releases: decided.entries, digest: state.contentDigest };
      return {
        result: {
          source,
          totals,
          released: keptReleased(decided.released),
          version: entry.publication.version,
          updatedAt: entry.publication.updatedAt,
        },
        save: !isEmpty(decided.additions) || decided.entries.length > 0 ? update(state, save) : null,
      };
    });
  }

  /**
   * R8.7 for figures outside the district results (the council count): `plan` decides against the
   * publication log under the election's row lock and returns the entries it added to the log;
   * they are stored before its result is returned. Null if there is no such election.
   */
  async releaseWithLog<T>(
    electionId: string,
    plan: (log: PublicationLog) => Promise<{ readonly result: T; readonly entries: readonly ReleaseEntry[] }>,
  ): Promise<T | null> {
    const entry = await this.load(electionId);
    if (!entry) return null;
    return this.withLedger(entry, async (state) => {
      const { result, entries } = await entry.release.releaseOutside(entry.ledger, state, plan);
      const save = { releases: entries, digest: state.contentDigest };
      return { result, save: entries.length > 0 ? update(state, save) : null };
    });
  }

  /** A change of the counted reports was committed: publish it within the coalescing window. */
  @OnEvent(TotalsChanged.event)
  onTotalsChanged({ electionId }: TotalsChanged): void {
    this.changed(electionId);
  }

  changed(electionId: string): void {
    this.dirty.add(electionId);
    this.schedule(electionId);
  }

  /** Imported or changed: every process reads the election again now, not at its first report. */
  @OnEvent(ElectionDefinitionChanged.event)
  onDefinitionChanged({ electionId }: ElectionDefinitionChanged): void {
    this.reload(electionId).catch(() => undefined); // load() logs it; the next use loads again
  }

  /** The election's definition or previous results changed: every process reads it again. */
  async reload(electionId: string): Promise<void> {
    this.events.emit(ElectionReloaded.event, new ElectionReloaded(electionId));
    this.forget(electionId, { context: true });
    await this.load(electionId);
  }

  /** A message of another process's publisher. */
  receive(message: PublisherMessage): void {
    if (message.type === 'reload') {
      this.forget(message.electionId, { context: true });
      // Read again at once: this process's clients get the next deltas only through its publisher,
      // and an election just imported elsewhere is ready here before its first report too.
      void this.load(message.electionId);
      return;
    }
    const { delta } = message;
    const loading = this.loaded.get(delta.electionId);
    if (!loading) return;
    void loading.then(() => this.receiveDelta(delta)).catch(() => undefined);
  }

  // A delta this process holds already (caught up from the database while the message was on its
  // way) is dropped; one that follows its version goes to its clients; after a gap they get one
  // catch-up delta from the database.
  private receiveDelta(delta: PublicElectionDelta): void {
    // Forgotten meanwhile: the reload under way reads this version from the database.
    const publication = this.ready.get(delta.electionId);
    if (!publication) return;
    this.lastPublished.set(delta.electionId, Date.parse(delta.updatedAt));
    if (delta.version <= publication.version) return;
    this.retire(publication);
    if (publication.apply(delta)) {
      this.arrivals.reached(delta.electionId, delta.version);
      this.caughtUp(delta);
    }
    // While this process publishes, its own delta follows the database; the version check does the rest.
    else if (!this.running.has(delta.electionId)) this.catchUp(publication).catch(() => undefined); // load() logs it
  }

  // The next use reads the election again; with `context` also its definition and previous results.
  private forget(electionId: string, { context = false } = {}): void {
    if (context) this.elections.forget(electionId);
    const held = this.ready.get(electionId);
    if (held) this.retire(held);
    this.loaded.delete(electionId);
    this.ready.delete(electionId);
  }

  private schedule(electionId: string): void {
    if (this.timers.has(electionId) || this.running.has(electionId)) return;
    const wait = Math.max(0, (this.lastPublished.get(electionId) ?? 0) + COALESCE_MS - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(electionId);
      void this.flush(electionId);
    }, wait);
    this.timers.set(electionId, timer);
  }

  private async flush(electionId: string): Promise<void> {
    this.running.add(electionId);
    this.dirty.delete(electionId);
    try {
      const entry = await this.load(electionId);
      if (entry) await this.publishChanges(entry);
    } catch (error) {
      this.logger.error(`publishing ${electionId} failed: ${error instanceof Error ? error.message : String(error)}`);
      this.dirty.add(electionId);
    } finally {
      this.running.delete(electionId);
      if (this.dirty.has(electionId)) this.schedule(electionId);
    }
  }

  // Decide, diff and number under the election's row lock; send after the commit.
  private async publishChanges(entry: Loaded): Promise<void> {
    const { publication } = entry;
    const electionId = publication.electionId;
    const outcome = await this.withLedger<PublishOutcome>(entry, async (state) => {
      const sinceLast = state.publishedAt ? Date.now() - state.publishedAt.getTime() : Infinity;
      if (sinceLast < COALESCE_MS) return { result: { retryAt: state.publishedAt!.getTime() + COALESCE_MS }, save: null };
      const { results, candidates, save } = await this.build(entry, state);
      const changed = publication.changedAreas(results, candidates);
      if (changed.length === 0) return { result: { unchanged: true }, save: save.changed ? update(state, save) : null };
      const delta = this.delta(publication, state, results, changed);
      return {
        result: { delta, results },
        save: update(state, save, { version: delta.version, publishedAt: new Date(delta.updatedAt) }),
      };
    });
    if ('unchanged' in outcome) {
      entry.results.sent();
      publication.settled();
      return;
    }
    if ('retryAt' in outcome) {
      this.lastPublished.set(electionId, outcome.retryAt - COALESCE_MS);
      this.dirty.add(electionId);
      return;
    }
    this.send(entry, outcome.delta, outcome.results);
  }

  private delta(
    publication: ElectionPublication,
    state: StoredState,
    results: ReadonlyMap<string, BuiltResult>,
    changed: PublicAreaResult[],
  ): PublicElectionDelta {
    return {
      electionId: publication.electionId,
      fromVersion: state.version,
      version: state.version + 1,
      updatedAt: new Date().toISOString(),
      status: statusOf(results.get(publication.root.id)?.result),
      results: changed,
    };
  }

  private send(entry: Loaded, delta: PublicElectionDelta, results: ReadonlyMap<string, BuiltResult>): void {
    const { publication, source } = entry;
    const electionId = publication.electionId;
    const held = publication.version;
    entry.results.sent();
    this.retire(publication);
    // Behind (a remote delta still on its way): the delta holds everything that differs from this
    // process's state, so the built results are the new state, and this process's clients, which
    // hold its version, get the delta from there instead of a gap.
    if (publication.apply(delta)) publication.settled();
    else {
      const fresh = new ElectionPublication(source.election, source.contests, source.areas, delta.version, delta.updatedAt, results);
      this.loaded.set(electionId, Promise.resolve({ ...entry, publication: fresh }));
      this.ready.set(electionId, fresh);
    }
    this.arrivals.reached(electionId, delta.version);
    this.lastPublished.set(electionId, Date.parse(delta.updatedAt));
    this.published(delta, held < delta.fromVersion ? { ...delta, fromVersion: held } : delta);
  }

  /** The publication's version is being replaced: what it served stays fetchable for a while. */
  private retire(publication: ElectionPublication): void {
    for (const [address, body] of publication.servedBodies()) this.recent.keep(publication.electionId, publication.version, address, body);
  }

  /** A version this process numbered: to its clients (`here`, see ResultsPublished), to the other processes and to webhooks. */
  private published(delta: PublicElectionDelta, here = delta): void {
    this.announced.set(delta.electionId, delta.version);
    this.events.emit(ResultsPublished.event, new ResultsPublished(delta, here));
  }

  /** A version numbered elsewhere: to this process's clients, once, whichever path brings it first. */
  private caughtUp(delta: PublicElectionDelta): void {
    if (delta.version <= (this.announced.get(delta.electionId) ?? 0)) return;
    this.announced.set(delta.electionId, delta.version);
    this.events.emit(ResultsCaughtUp.event, new ResultsCaughtUp(delta));
  }

  private async build({ source, ledger, results, release }: Omit<Loaded, 'publication'>, state: LockedState) {
    const { state: totals, journal } = await this.totals.journaled(source.context);
    const decided = release.decide(totals, journal, state, ledger);
    const built = results.update(totals, journal, decided.released, decided.decisionJournal);
    const changed = !isEmpty(decided.additions) || decided.entries.length > 0 || built.digest !== state.contentDigest;
    return { ...built, save: { additions: decided.additions, releases: decided.entries, changed, digest: built.digest } };
  }

  // The row lock with the ledger in step: the stored entries it lacks are read under the lock. If the
  // transaction fails, the ledger may hold entries that were never stored: it starts over.
  private async withLedger<T>(
    entry: Pick<Loaded, 'ledger' | 'source'>,
    work: (state: LockedState) => Promise<{ result: T; save: StateUpdate | null }>,
  ): Promise<T> {
    try {
      const held = () => ({ releases: entry.ledger.length, recordSeq: entry.ledger.recordSeq });
      return await this.repository.withState(entry.source.election.id, work, held);
    } catch (error) {
      Object.assign(entry.ledger, emptyLedger());
      throw error;
    }
  }

  // `held`: the publication this process had before a catch-up (its clients hold its version).
  private load(electionId: string, held?: ElectionPublication): Promise<Loaded | null> {
    const cached = this.loaded.get(electionId);
    if (cached) return cached;
    if ((this.unknown.get(electionId) ?? 0) > Date.now()) return Promise.resolve(null);
    const loading = this.read(electionId, held);
    this.loaded.set(electionId, loading);
    loading.then(
      (entry) => {
        if (entry) {
          if (this.loaded.get(electionId) !== loading) return;
          this.ready.set(electionId, entry.publication);
          this.arrivals.reached(electionId, entry.publication.version);
          return;
        }
        // Remembered briefly, so that made-up ids do not reach the database each time; bounded.
        if (this.unknown.size >= 10_000) this.unknown.clear();
        this.unknown.set(electionId, Date.now() + UNKNOWN_ELECTION_MS);
        if (this.loaded.get(electionId) === loading) this.loaded.delete(electionId);
      },
      (error: unknown) => {
        this.logger.error(`loading ${electionId} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (this.loaded.get(electionId) === loading) this.loaded.delete(electionId);
      },
    );
    return loading;
  }

  private async read(electionId: string, held: ElectionPublication | undefined): Promise<Loaded | null> {
    const context = await this.elections.load(electionId);
    if (!context) return null;
    const source = buildPublicationSource(context);
    const incremental = new IncrementalResults(source);
    const release = new IncrementalRelease(source);
    const ledger = emptyLedger();
    const outcome = await this.withLedger<{ publication: ElectionPublication; delta: PublicElectionDelta | null }>(
      { ledger, source },
      async (state) => {
        const { results, save } = await this.build({ source, ledger, results: incremental, release }, state);
        const publishedAt = state.publishedAt ?? new Date();
        const current = new ElectionPublication(
          source.election,
          source.contests,
          source.areas,
          state.version,
          publishedAt.toISOString(),
          results,
        );
        // Never published: nobody has seen an older state, the digest is only recorded.
        if (state.contentDigest === null || state.contentDigest === save.digest) {
          return {
            result: { publication: current, delta: null },
            save: save.changed ? update(state, save) : null,
          };
        }
        // The database moved on while no publisher saw it (e.g. the process that counted stopped):
        // every area goes out once – or, after a catch-up, the areas that differ from what this process
        // held (a Land's every area to every client would be megabytes). Its clients behind
        // `state.version` see a gap and fetch their view's snapshot; the other processes hold
        // `state.version`, whose areas moved since `held` are among these (an area corrected back to
        // its earlier figure is not: it goes out with its next change).
        const changed = held ? current.changedSince(held) : source.areas.flatMap((area) => results.get(area.id)?.result ?? []);
        const delta = this.delta(current, state, results, changed);
        const next = new ElectionPublication(source.election, source.contests, source.areas, delta.version, delta.updatedAt, results);
        return {
          result: { publication: next, delta },
          save: update(state, save, { version: delta.version, publishedAt: new Date(delta.updatedAt) }),
        };
      },
    );
    if (outcome.delta) {
      this.lastPublished.set(electionId, Date.parse(outcome.delta.updatedAt));
      this.published(outcome.delta);
    }
    // The publication is built from these results: nothing is left to compare.
    incremental.sent();
    return { publication: outcome.publication, source, results: incremental, release, ledger };
  }

  // One election after the other: each read and build blocks the process for its stretch, and a
  // provider's many elections must not all be built at once. A failure is logged by load().
  private async warmOpenElections(): Promise<void> {
    try {
      for (const electionId of await this.repository.openElections()) {
        if (this.stopping) return;
        await this.load(electionId).catch(() => undefined);
      }
    } catch (error) {
      this.logger.warn(
        `warming the open elections failed, each loads at its first use: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  // A delta of another process that never arrived (Redis down, a message lost, or late for a request
  // waiting for its version): this process reloads and sends its own clients one catch-up delta from
  // their version to the database's.
  private async checkVersions(electionIds = [...this.ready.keys()]): Promise<void> {
    try {
      const versions = await this.repository.versions(electionIds);
      for (const [electionId, stored] of versions) {
        // Read after the query: a delta that arrived meanwhile has moved the publication on.
        const before = this.ready.get(electionId);
        if (before && stored > before.version && !this.running.has(electionId)) await this.catchUp(before);
      }
    } catch (error) {
      this.logger.warn(`version check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // `before` is the election's current publication. The catch-up holds the election's entry until it
  // is done, so a delta that arrives meanwhile (receive() waits for the entry) goes out after it.
  private async catchUp(before: ElectionPublication): Promise<void> {
    const electionId = before.electionId;
    const loading = this.loaded.get(electionId);
    if (loading && this.ready.get(electionId) === before) {
      const advancing = (entry: Loaded | null) =>
        entry?.publication === before && this.ready.get(electionId) === before ? this.advance(entry) : false;
      const advanced = loading.then(advancing).catch(() => false);
      const held = advanced.then(() => loading);
      this.loaded.set(electionId, held);
      if (await advanced) return;
      if (this.loaded.get(electionId) !== held) return; // reloaded meanwhile (a changed definition)
    }
    await this.rebuild(before);
  }

  /**
   * A catch-up without the full read (issue 16): the totals, decisions and results move along the
   * changed paths as for a publication of this process, past what another process counted. If they
   * hold the content of the stored version (its digest), this process takes that version, and its
   * clients get the areas that differ from what they hold; if the database moved on since (counted,
   * not yet published), this process publishes that as the next version, as the full read would.
   * Every area's text is compared, not only the changed paths': a delta this process missed may
   * have set an area back to a text its last build had. False if the transaction failed: the full
   * read decides then.
   */
  private async advance(entry: Loaded): Promise<boolean> {
    const { publication } = entry;
    const electionId = publication.electionId;
    const outcome = await this.withLedger(entry, (state) => this.catchUpUnderLock(entry, state)).catch((error: unknown) => {
      this.logger.warn(`catching up ${electionId} failed, reading it again: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (outcome === null) return false;
    if ('unchanged' in outcome) return true;
    if ('delta' in outcome) {
      this.send(entry, outcome.delta, outcome.results);
      return true;
    }
    const { adopted } = outcome;
    entry.results.sent();
    this.retire(publication);
    publication.apply(adopted);
    publication.settled();
    this.arrivals.reached(electionId, adopted.version);
    this.lastPublished.set(electionId, Date.parse(adopted.updatedAt));
    this.caughtUp(adopted);
    return true;
  }

  // The catch-up's decision under the election's row lock (see advance).
  private async catchUpUnderLock(entry: Loaded, state: LockedState): Promise<{ result: CatchUpOutcome; save: StateUpdate | null }> {
    const { publication } = entry;
    if (state.version <= publication.version) return { result: { unchanged: true }, save: null };
    const { results, save } = await this.build(entry, state);
    const changed = publication.changedAreas(
      results,
      publication.areas.map((area) => area.id),
    );
    if (save.digest === state.contentDigest) {
      const adopted: PublicElectionDelta = {
        electionId: publication.electionId,
        fromVersion: publication.version,
        version: state.version,
        updatedAt: (state.publishedAt ?? new Date()).toISOString(),
        status: statusOf(results.get(publication.root.id)?.result),
        results: changed,
      };
      return { result: { adopted }, save: save.changed ? update(state, save) : null };
    }
    const delta = this.delta(publication, state, results, changed);
    return {
      result: { delta, results },
      save: update(state, save, { version: delta.version, publishedAt: new Date(delta.updatedAt) }),
    };
  }

  // The full read, for a catch-up that cannot follow the changed paths.
  private async rebuild(before: ElectionPublication): Promise<void> {
    this.forget(before.electionId);
    const after = (await this.load(before.electionId, before))?.publication;
    if (!after || after.version <= before.version) return;
    this.caughtUp({
      electionId: after.electionId,
      fromVersion: before.version,
      version: after.version,
      updatedAt: after.updatedAt,
      status: after.status,
      results: after.changedSince(before),
    });
  }
}
