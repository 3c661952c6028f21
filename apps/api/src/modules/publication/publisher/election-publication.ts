import type {
  PublicArea,
  PublicAreaResult,
  PublicContest,
  PublicElectionDelta,
  PublicElectionSnapshot,
  PublicElectionSummary,
} from '@wahl/domain';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { BuiltResult } from './public-results.builder';
import type { ElectionHeader } from './publication-source';
import { snapshotAddress } from './recent-versions';

// What one process has published of one election, at one version: every area's result and its
// JSON text. Responses are assembled from the per-area texts and kept per version, so a version is
// serialised once however many requests and joins ask for it; a delta compares texts to skip
// unchanged areas.

export type Status = PublicElectionSnapshot['status'];

/** One serialised response: the text (JSON, CSV), its strong ETag, Last-Modified and (when worth it) its gzip form. */
export type SerializedBody = {
  readonly text: string;
  readonly etag: string;
  /** The time of the data ("Stand") as an HTTP date, for `Last-Modified`. */
  readonly lastModified: string;
  /** Whether the body has a gzip form (1 KB and more): known without compressing, e.g. for a 304's ETag. */
  readonly compressible: boolean;
  /** Compressed at the first read and kept: a snapshot that only goes out over the socket is never compressed. */
  readonly gzip: Buffer | null;
};

const GZIP_FROM_BYTES = 1024;

/**
 * Strong ETag: the version plus a digest of the text, so that two processes with the same version
 * but a different text (see publisher.service.ts) never claim equal bytes.
 */
export const serializeBody = (text: string, version: number, updatedAt: string | Date): SerializedBody => {
  const digest = createHash('sha1').update(text).digest('base64url').slice(0, 12);
  const bytes = Buffer.byteLength(text);
  const lastModified = new Date(updatedAt).toUTCString();
  const compressible = bytes >= GZIP_FROM_BYTES;
  let gzip: Buffer | null | undefined = compressible ? undefined : null;
  return {
    text,
    etag: `"v${version}-${digest}"`,
    lastModified,
    compressible,
    get gzip() {
      if (gzip === undefined) gzip = gzipSync(text, { level: 6 });
      return gzip;
    },
  };
};

export const statusOf = (root: Pick<PublicAreaResult, 'reported' | 'expected'> | undefined): Status =>
  !root || root.reported === 0 ? 'waiting' : root.reported < root.expected ? 'counting' : 'provisional-final';

export class ElectionPublication {
  private readonly areaById: ReadonlyMap<string, PublicArea>;
  private readonly childrenOf: ReadonlyMap<string, readonly string[]>;
  private readonly resultJson = new Map<string, string>();
  private readonly bodies = new Map<string, SerializedBody>();
  private readonly packets = new Map<string, string>();
  /** Per area, the ids of its view: the areas never change within one publication, so neither do these. */
  private readonly scopes = new Map<string, { readonly ids: readonly string[]; readonly set: ReadonlySet<string> }>();
  private results: Map<string, PublicAreaResult>;
  private headerJson: string | null = null;
  /**
   * The areas a delta set since the last `settled()`: a text of another process may differ from this
   * process's last build although that build's text did not change (an area set back), so a
   * comparison must look at them too.
   */
  private readonly applied = new Set<string>();

  constructor(
    readonly header: ElectionHeader,
    readonly contests: readonly PublicContest[],
    readonly areas: readonly PublicArea[],
    public version: number,
    public updatedAt: string,
    results: ReadonlyMap<string, BuiltResult>,
  ) {
    this.areaById = new Map(areas.map((area) => [area.id, area]));
    const children = new Map<string, string[]>();
    // Pushed onto one list per parent: a municipality of 100,000 districts must not copy its list per child.
    for (const area of areas) {
      if (area.parentId === null) continue;
      const siblings = children.get(area.parentId);
      if (siblings) siblings.push(area.id);
      else children.set(area.parentId, [area.id]);
    }
    this.childrenOf = children;
    this.results = new Map();
    for (const [id, built] of results) {
      this.results.set(id, built.result);
      this.resultJson.set(id, built.json);
    }
  }

  get electionId(): string {
    return this.header.id;
  }

  get root(): PublicArea {
    return this.areas[0]!;
  }

  get status(): Status {
    return statusOf(this.results.get(this.root.id));
  }

  hasArea(areaId: string): boolean {
    return this.areaById.has(areaId);
  }

  result(areaId: string): PublicAreaResult | undefined {
    return this.results.get(areaId);
  }

  /**
   * Of the `candidates` (area ids in area order) and the areas a delta set since the last
   * `settled()` (after them), those whose result differs from `next` by its JSON text.
   */
  changedAreas(next: ReadonlyMap<string, BuiltResult>, candidates: readonly string[]): PublicAreaResult[] {
    const changed: PublicAreaResult[] = [];
    const compare = (id: string) => {
      const built = next.get(id);
      if (built && built.json !== this.resultJson.get(id)) changed.push(built.result);
    };
    candidates.forEach(compare);
    if (this.applied.size > 0) {
      const named = new Set(candidates);
      for (const id of this.applied) if (!named.has(id)) compare(id);
    }
    return changed;
  }

  /** Every area holds what this process built last: later comparisons need only its changed areas. */
  settled(): void {
    this.applied.clear();
  }

  /** The areas whose result here differs from `older` (by text), in area order. */
  changedSince(older: ElectionPublication): PublicAreaResult[] {
    return this.areas.flatMap((area) => {
      const json = this.resultJson.get(area.id);
      return json !== undefined && json !== older.resultJson.get(area.id) ? [this.results.get(area.id)!] : [];
    });
  }

  /** Moves to `delta.version`; false if the delta does not follow this version (the caller reloads). */
  apply(delta: PublicElectionDelta): boolean {
    if (delta.version <= this.version) return true;
    if (delta.fromVersion !== this.version) return false;
    for (const result of delta.results) {
      if (!this.areaById.has(result.areaId)) return false;
      this.results.set(result.areaId, result);
      this.resultJson.set(result.areaId, JSON.stringify(result));
      this.applied.add(result.areaId);
    }
    this.version = delta.version;
    this.updatedAt = delta.updatedAt;
    this.bodies.clear();
    this.packets.clear();
    return true;
  }

  /**
   * The ids of an area's view: the path from the root down to the area, then everything below it, so
   * that a Stadtbezirk's page can list and map its Stadtteile's districts. The root's view keeps only
   * the areas where the overview starts (`rootView`): the whole election has its own join, and a Land's
   * overview must not load the Land.
   */
  scope(areaId: string | undefined): readonly string[] {
    if (areaId === undefined) return this.areas.map((area) => area.id);
    return this.scoped(areaId).ids;
  }

  /**
   * The delta narrowed to an area's view (versions unchanged, even with no result left), with the area
   * entry of each merge partner outside the view that its results name: the page names the partner
   * at once, as from the view's snapshot.
   */
  scopedDelta(delta: PublicElectionDelta, areaId: string): PublicElectionDelta {
    const { set } = this.scoped(areaId);
    const results = delta.results.filter((result) => set.has(result.areaId));
    const areas = this.partnersOutside(results, set);
    return areas.length === 0 ? { ...delta, results } : { ...delta, results, areas };
  }

  /** The snapshot JSON (whole election, or scoped to one area's view) at this version. */
  body(areaId?: string): SerializedBody {
    const key = snapshotAddress(areaId);
    let body = this.bodies.get(key);
    if (!body) {
      body = serializeBody(this.snapshotJson(areaId), this.version, this.updatedAt);
      this.bodies.set(key, body);
    }
    return body;
  }

  /** The bodies serialised at this version so far, by their address within it (snapshotAddress). */
  servedBodies(): ReadonlyMap<string, SerializedBody> {
    return this.bodies;
  }

  /**
   * The socket.io packet `2/public,["snapshot",…]` as the default parser would encode it for the
   * namespace, so that a join costs no serialisation.
   */
  snapshotPacket(namespace: string, areaId?: string): string {
    const key = `${namespace}|${areaId ?? ''}`;
    let packet = this.packets.get(key);
    if (!packet) {
      packet = `2${namespace === '/' ? '' : `${namespace},`}["snapshot",${this.body(areaId).text}]`;
      this.packets.set(key, packet);
    }
    return packet;
  }

  snapshot(areaId?: string): PublicElectionSnapshot {
    return JSON.parse(this.body(areaId).text) as PublicElectionSnapshot;
  }

  summary(): PublicElectionSummary {
    const root = this.results.get(this.root.id);
    return {
      electionId: this.header.id,
      name: this.header.name,
      kind: this.header.kind,
      electionDay: this.header.electionDay,
      municipalityName: this.header.municipalityName,
      rehearsal: this.header.rehearsal,
      status: this.status,
      reported: root?.reported ?? 0,
      expected: root?.expected ?? 0,
      updatedAt: this.updatedAt,
    };
  }

  private scoped(areaId: string): { readonly ids: readonly string[]; readonly set: ReadonlySet<string> } {
    let view = this.scopes.get(areaId);
    if (!view) {
      const ids = areaId === this.root.id ? this.rootView() : [...this.pathTo(areaId), ...this.below(areaId)];
      view = { ids, set: new Set(ids) };
      this.scopes.set(areaId, view);
    }
    return view;
  }

  /**
   * The root, the areas below it down to where the overview starts (while an area has one child that is
   * no district: a constituency around one municipality, as the page's `startArea`) and that area's
   * children: a city's overview followed by area shows its Stadtteile, not the municipality alone.
   */
  private rootView(): string[] {
    const ids = [this.root.id];
    for (let only = this.soleAggregateChild(this.root.id); only !== undefined; only = this.soleAggregateChild(only)) ids.push(only);
    return [...ids, ...(this.childrenOf.get(ids.at(-1)!) ?? [])];
  }

  private soleAggregateChild(areaId: string): string | undefined {
    const children = this.childrenOf.get(areaId) ?? [];
    const level = children.length === 1 ? this.areaById.get(children[0]!)?.level : undefined;
    return level === undefined || level === 'district' || level === 'postal-district' ? undefined : children[0];
  }

  /** The ids from the root down to the area. */
  private pathTo(areaId: string): string[] {
    const path: string[] = [];
    for (
      let current = this.areaById.get(areaId);
      current;
      current = current.parentId === null ? undefined : this.areaById.get(current.parentId)
    )
      path.unshift(current.id);
    return path;
  }

  /** Every area below `areaId`, level by level (pushed one by one: a municipality may hold 100,000 districts). */
  private below(areaId: string): string[] {
    const ids = [...(this.childrenOf.get(areaId) ?? [])];
    for (let next = 0; next < ids.length; next++) for (const child of this.childrenOf.get(ids[next]!) ?? []) ids.push(child);
    return ids;
  }

  /**
   * R8.5: the districts that `results` (of a view) are merged with and that lie outside the view
   * (`scope`), so that the page can name the partner. Their area entry only: the merged sum is
   * already the view's own result.
   */
  private partnersOutside(results: Iterable<PublicAreaResult | undefined>, scope: ReadonlySet<string>): PublicArea[] {
    const partners = new Map<string, PublicArea>();
    for (const result of results) {
      const publication = result?.publication;
      const partner =
        publication?.kind === 'merged' && !scope.has(publication.withAreaId) ? this.areaById.get(publication.withAreaId) : undefined;
      if (partner) partners.set(partner.id, partner);
    }
    return [...partners.values()];
  }

  private *resultsOf(ids: readonly string[]): Iterable<PublicAreaResult | undefined> {
    for (const id of ids) yield this.results.get(id);
  }

  private snapshotJson(areaId: string | undefined): string {
    // The fixed part, in the contract's key order; version, time and status are spliced in.
    this.headerJson ??= JSON.stringify({
      electionId: this.header.id,
      name: this.header.name,
      kind: this.header.kind,
      electionDay: this.header.electionDay,
      municipalityName: this.header.municipalityName,
      previousElectionName: this.header.previousElectionName,
      rehearsal: this.header.rehearsal,
    }).slice(0, -1);
    const ids = this.scope(areaId);
    const partners = areaId === undefined ? [] : this.partnersOutside(this.resultsOf(ids), this.scoped(areaId).set);
    const areas = [...ids.map((id) => this.areaById.get(id)), ...partners].map((area) => JSON.stringify(area));
    const results = ids.flatMap((id) => {
      const json = this.resultJson.get(id);
      return json === undefined ? [] : [json];
    });
    return (
      `${this.headerJson},"version":${this.version},"updatedAt":${JSON.stringify(this.updatedAt)},"status":${JSON.stringify(this.status)},` +
      `"contests":${JSON.stringify(this.contests)},"areas":[${areas.join(',')}],"results":[${results.join(',')}]}`
    );
  }
}

/**
 * A digest of the published content that moves with each area's text: the XOR of SHA-1 over every
 * area's id and result text. Equal digests, equal content; a changed area costs one hash, not a
 * pass over every area.
 */
export class ContentDigest {
  private readonly sum = Buffer.alloc(20);
  private readonly parts = new Map<string, Buffer>();

  /** Sets `areaId`'s text (replacing the one it had). */
  set(areaId: string, json: string): void {
    this.toggle(this.parts.get(areaId));
    const part = createHash('sha1').update(areaId).update('\n').update(json).digest();
    this.parts.set(areaId, part);
    this.toggle(part);
  }

  /** Removes `areaId` (an area without totals has no result). */
  delete(areaId: string): void {
    this.toggle(this.parts.get(areaId));
    this.parts.delete(areaId);
  }

  hex(): string {
    return this.sum.toString('hex');
  }

  private toggle(part: Buffer | undefined): void {
    if (part) for (let i = 0; i < part.length; i++) this.sum[i]! ^= part[i]!;
  }
}
