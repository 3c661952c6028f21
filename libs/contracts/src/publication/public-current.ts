import { z } from 'zod';

// `GET /api/public/elections/:id/current` (docs/NGINX.md): the short-lived pointer to the election's
// published version. Everything it points to lives under an immutable address per version, which a
// CDN keeps for good; only this pointer is asked again every few seconds.

export const PublicCurrentVersionSchema = z
  .object({
    electionId: z.string(),
    version: z.number().int().nonnegative(),
    /** The version's time ("Stand"), ISO 8601. */
    updatedAt: z.string(),
    status: z.enum(['waiting', 'counting', 'provisional-final', 'final']),
    /** The whole snapshot at this version, e.g. `/api/public/elections/<id>/v/7`. */
    snapshot: z.string(),
    /** One area's view at this version: replace `{areaId}`. */
    area: z.string(),
    /** An open-data file of this version: replace `{file}` (`wahlbezirk.csv`, `gemeinde.csv`, `wahlkreis.csv`, `listen.json`). */
    openData: z.string(),
    /** The root area: the overview of a large election follows its view (apps/results-web live-view.ts). */
    rootAreaId: z.string(),
    /** Polling and postal districts of the election: tells the page its size before it joins. */
    districts: z.number().int().nonnegative(),
  })
  .readonly();
export type PublicCurrentVersion = z.infer<typeof PublicCurrentVersionSchema>;
