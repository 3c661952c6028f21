import type { PublicCurrentVersion } from '@wahl/contracts';
import { AppError } from '../../../platform/errors/app-error';
import { serializeBody, type ElectionPublication, type SerializedBody } from '../publisher/election-publication';

// Versioned addresses of the published results (docs/NGINX.md): `…/v/<version>` never changes, so
// a CDN keeps it for good; `…/current` names the version and is kept for seconds only.
//
// A process serves a versioned address for the version it holds now, and for a version it replaced a
// moment ago only with the bytes it served then (RecentVersions, while a stale `current` may still
// name it). It never builds an older or a newer number from something else: an old version lives on in
// the caches that fetched it, and a number that was never published (a release held back under R8.7)
// has no bytes here.

export const versionBase = (electionId: string, version: number): string => `/api/public/elections/${electionId}/v/${version}`;

/** True if `body` was serialised at `version` (serializeBody's ETag starts with `"v<version>-`). */
export const isVersion = (body: SerializedBody, version: number): boolean => body.etag.startsWith(`"v${version}-`);

/** The 404 of a version this process does not hold (any more, or not yet); never cached. */
export const versionGone = (version: number): AppError =>
  new AppError('NOT_FOUND', `Die Version ${version} der Ergebnisse ist hier nicht abrufbar. Die aktuelle Version nennt …/current.`);

/**
 * `read()` as it is at `version`: read once more if this process was waiting for that version and
 * it arrived (`arrival`: PublisherService.arrival); the 404 of versionGone if it is not that version.
 */
export async function readAtVersion<T>(
  version: number,
  read: () => Promise<T>,
  bodyOf: (value: T) => SerializedBody,
  arrival: () => Promise<boolean>,
): Promise<T> {
  let value = await read();
  if (!isVersion(bodyOf(value), version) && (await arrival())) value = await read();
  if (!isVersion(bodyOf(value), version)) throw versionGone(version);
  return value;
}

// One pointer per election: rebuilt when the publication moves on.
const pointers = new Map<string, { readonly version: number; readonly body: SerializedBody }>();

/** The `current` pointer of the publication's version, serialised once per version. */
export function currentPointer(publication: ElectionPublication): SerializedBody {
  const known = pointers.get(publication.electionId);
  if (known?.version === publication.version) return known.body;
  const base = versionBase(publication.electionId, publication.version);
  const pointer: PublicCurrentVersion = {
    electionId: publication.electionId,
    version: publication.version,
    updatedAt: publication.updatedAt,
    status: publication.status,
    snapshot: base,
    area: `${base}/areas/{areaId}`,
    openData: `${base}/open-data/{file}`,
    rootAreaId: publication.root.id,
    districts: publication.result(publication.root.id)?.expected ?? 0,
  };
  const body = serializeBody(JSON.stringify(pointer), publication.version, publication.updatedAt);
  pointers.set(publication.electionId, { version: publication.version, body });
  return body;
}
