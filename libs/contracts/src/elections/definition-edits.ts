import { areaSchema, contestSchema, districtSchema, listSchema, pollingStationSchema, streetSchema } from '@wahl/domain';
import { z } from 'zod';

// Editing one part of an election in preparation (PUT /api/elections/:id/districts/:number,
// …/contests/:contestId, …/contests/:contestId/lists/:listId, …/polling-stations/:stationId,
// …/areas/:key, …/streets/:key). The parts are the definition's own, defined once in libs/domain with
// their German messages; the routes and the editor's forms use them as they are.
export {
  areaSchema as AreaSchema,
  districtSchema as DistrictSchema,
  listSchema as ContestListSchema,
  pollingStationSchema as PollingStationSchema,
  streetSchema as StreetSchema,
};

/** A polling station with the polling districts that vote there (district numbers). */
export const PollingStationEditSchema = z.strictObject({
  station: pollingStationSchema,
  districts: z
    .array(z.string().min(1, 'Darf nicht leer sein.').max(100, 'Höchstens 100 Zeichen.'))
    .max(5000, 'Höchstens 5000 Wahlbezirke.'),
});
export type PollingStationEdit = z.infer<typeof PollingStationEditSchema>;

/** A contest's own fields; its lists are edited one by one. */
export const ContestHeadSchema = contestSchema.omit({ lists: true });
