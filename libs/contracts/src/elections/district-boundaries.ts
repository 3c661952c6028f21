import { MAX_BOUNDARY_CHARS } from '@wahl/domain';
import { z } from 'zod';
import { noNulString } from '../common/text';

// District boundaries for the public map (issue 15): a GeoJSON file of the polling districts, first
// previewed (what matches, every problem by feature and property), then stored with the compact map
// the public page draws. POST /api/elections/:id/boundaries/preview and …/boundaries/apply;
// GET /api/public/elections/:id/map (cacheable, ETag).

export const BoundariesImportRequestSchema = z.strictObject({
  fileName: noNulString().max(300, 'Höchstens 300 Zeichen.').optional(),
  /** The GeoJSON text (FeatureCollection of Polygon/MultiPolygon features). */
  geojson: noNulString().max(MAX_BOUNDARY_CHARS, 'Die Datei ist zu groß.'),
  /** The feature property holding the district number; absent: the one that matches most districts. */
  numberProperty: z.string().trim().min(1, 'Bitte eine Eigenschaft angeben.').max(100, 'Höchstens 100 Zeichen.').optional(),
});
export type BoundariesImportRequest = z.infer<typeof BoundariesImportRequestSchema>;

export const BoundaryProblemSchema = z
  .object({
    /** 1-based feature of the collection; 0 for the file as a whole. */
    feature: z.number().int(),
    property: z.string().nullable(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
  })
  .readonly();
export type BoundaryProblemEntry = z.infer<typeof BoundaryProblemSchema>;

export const BoundariesPreviewSchema = z
  .object({
    numberProperty: z.string().nullable(),
    coordinateSystem: z.enum(['geographic', 'projected']),
    /** Polling districts of the election, and how many of them the file gives a boundary. */
    districts: z.number().int(),
    matched: z.number().int(),
    /** Size of the map the public page loads (bytes, before compression); null while nothing matches. */
    mapBytes: z.number().int().nullable(),
    problems: z.array(BoundaryProblemSchema).readonly(),
    canApply: z.boolean(),
  })
  .readonly();
export type BoundariesPreview = z.infer<typeof BoundariesPreviewSchema>;

/** The public map: SVG paths in a box of `width` × `height`, y downwards, one per district with a boundary. */
export const DistrictMapSchema = z
  .object({
    width: z.number(),
    height: z.number(),
    districts: z.array(z.object({ number: z.string(), path: z.string() }).readonly()).readonly(),
  })
  .readonly();
export type DistrictMap = z.infer<typeof DistrictMapSchema>;
