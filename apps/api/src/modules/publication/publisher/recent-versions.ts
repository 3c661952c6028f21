import type { SerializedBody } from './election-publication';

// A version just replaced stays fetchable at its own address for a short while (issue 16,
// docs/NGINX.md): a CDN may hand a client a `current` pointer up to half a minute old, and the client
// then asks for the version it names. Kept are only the bodies this process served or serialised while
// their version was current, with the same bytes and headers; nothing is built for an old version, and
// a number that was never published (R8.7) never gets here.

/** The pointer's s-maxage (2 s) + stale-while-revalidate (30 s) + a margin for the client's own delay. */
export const RECENT_VERSION_MS = 35_000;
/** Per process; beyond it the oldest go first. */
export const RECENT_VERSION_BYTES = 64 * 1024 * 1024;

/** The address of a body within its version: `''` (snapshot), `areas/<id>` or `open-data/<file>`. */
export const snapshotAddress = (areaId?: string): string => (areaId === undefined ? '' : `areas/${areaId}`);
export const openDataAddress = (file: string): string => `open-data/${file}`;

type Kept = { readonly body: SerializedBody; readonly bytes: number; readonly until: number };

// Characters stand for bytes, and the gzip form (made only if a client asked for it) is left out, JSON
// compresses to well under a quarter: the budget bounds memory, it need not be exact.
const sizeOf = (body: SerializedBody): number => body.text.length;

/** The bodies of replaced versions, by election, version and address; bounded by age and bytes. */
export class RecentVersions {
  // In the order they were kept, so the oldest is first.
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly budget = RECENT_VERSION_BYTES,
    private readonly keepMs = RECENT_VERSION_MS,
  ) {}

  /** `body` was served at `version`, which has just been replaced. */
  keep(electionId: string, version: number, address: string, body: SerializedBody): void {
    const key = `${electionId}/${version}/${address}`;
    this.drop(key);
    const bytes = sizeOf(body);
    if (bytes > this.budget) return;
    this.kept.set(key, { body, bytes, until: this.now() + this.keepMs });
    this.bytes += bytes;
    this.evict();
  }

  /** The body as it was served, if it was and is still kept. */
  find(electionId: string, version: number, address: string): SerializedBody | undefined {
    this.evict();
    return this.kept.get(`${electionId}/${version}/${address}`)?.body;
  }

  private evict(): void {
    const now = this.now();
    for (const [key, kept] of this.kept) {
      if (kept.until > now && this.bytes <= this.budget) return;
      this.drop(key);
    }
  }

  private drop(key: string): void {
    const kept = this.kept.get(key);
    if (!kept) return;
    this.kept.delete(key);
    this.bytes -= kept.bytes;
  }
}
