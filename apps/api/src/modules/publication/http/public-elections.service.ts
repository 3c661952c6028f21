import { Injectable } from '@nestjs/common';
import type { PublicElectionSummary } from '@wahl/domain';
import { notFound } from '../../../platform/errors/app-error';
import { serializeBody, type SerializedBody } from '../publisher/election-publication';
import { PublicationRepository } from '../publisher/publication.repository';
import { PublisherService } from '../publisher/publisher.service';
import { RecentVersions, snapshotAddress } from '../publisher/recent-versions';
import { currentPointer, readAtVersion, versionGone } from './public-versions';

const LIST_TTL_MS = 2000;

/** The static JSON of the public results: served from bytes built once per version. */
@Injectable()
export class PublicElectionsService {
  private list: { body: SerializedBody; until: number } | null = null;
  private listing: Promise<SerializedBody> | null = null;

  constructor(
    private readonly publisher: PublisherService,
    private readonly repository: PublicationRepository,
    private readonly recent: RecentVersions,
  ) {}

  /** Every election with its progress; rebuilt at most every 2 s. */
  async elections(): Promise<SerializedBody> {
    if (this.list && this.list.until > Date.now()) return this.list.body;
    this.listing ??= this.buildList().finally(() => {
      this.listing = null;
    });
    return this.listing;
  }

  async snapshot(electionId: string): Promise<SerializedBody> {
    const publication = await this.publisher.get(electionId);
    if (!publication) throw notFound('Die Wahl');
    return publication.body();
  }

  /** One area's view (`ElectionPublication.scope`) as a scoped snapshot. */
  async area(electionId: string, areaId: string): Promise<SerializedBody> {
    const publication = await this.publisher.get(electionId);
    if (!publication) throw notFound('Die Wahl');
    if (!publication.hasArea(areaId)) throw notFound('Das Gebiet');
    return publication.body(areaId);
  }

  /** The short-lived pointer to the published version. */
  async current(electionId: string): Promise<SerializedBody> {
    const publication = await this.publisher.get(electionId);
    if (!publication) throw notFound('Die Wahl');
    return currentPointer(publication);
  }

  /**
   * The snapshot or one area's view at `version`: the version this process holds (or soon: `arrival`),
   * or one it replaced a moment ago, as it was served then (RecentVersions).
   */
  async versioned(electionId: string, version: number, areaId?: string): Promise<SerializedBody> {
    const held = await this.publisher.get(electionId);
    if (!held) throw notFound('Die Wahl');
    if (version < held.version) {
      const kept = this.recent.find(electionId, version, snapshotAddress(areaId));
      if (kept) return kept;
      throw versionGone(version);
    }
    const read = () => (areaId === undefined ? this.snapshot(electionId) : this.area(electionId, areaId));
    return readAtVersion(
      version,
      read,
      (body) => body,
      () => this.publisher.arrival(electionId, version),
    );
  }

  private async buildList(): Promise<SerializedBody> {
    const [rows, loaded] = await Promise.all([this.repository.summaries(), this.publisher.loadedPublications()]);
    const fresher = new Map(loaded.map((publication) => [publication.electionId, publication]));
    let version = 0;
    // A loaded election's own figures are the published ones; the others come from the database.
    const summaries: PublicElectionSummary[] = rows.map((row) => {
      const publication = fresher.get(row.id);
      version = Math.max(version, publication?.version ?? row.version);
      if (publication) return publication.summary();
      return {
        electionId: row.id,
        name: row.name,
        kind: row.kind,
        electionDay: row.electionDay,
        municipalityName: row.municipalityName,
        rehearsal: row.rehearsal,
        status: row.reported === 0 ? 'waiting' : row.reported < row.expected ? 'counting' : 'provisional-final',
        reported: row.reported,
        expected: row.expected,
        updatedAt: row.updatedAt.toISOString(),
      };
    });
    // The list is as new as its newest entry.
    const updatedAt = summaries.reduce(
      (newest, summary) => (summary.updatedAt > newest ? summary.updatedAt : newest),
      new Date(0).toISOString(),
    );
    const body = serializeBody(JSON.stringify(summaries), version, updatedAt);
    this.list = { body, until: Date.now() + LIST_TTL_MS };
    return body;
  }
}
