// Editing one part of an election in preparation (PUT /api/elections/:id/districts/:number,
// PUT /api/elections/:id/contests/:contestId/lists/:listId). The parts are the definition's own,
// defined once in libs/domain with their German messages; the routes and the editor's forms use them as they are.
export {
  districtSchema as DistrictSchema,
  listSchema as ContestListSchema,
  pollingStationSchema as PollingStationSchema,
} from '@wahl/domain';
