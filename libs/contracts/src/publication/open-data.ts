import { z } from 'zod';

// `GET /api/public/elections/:id/open-data/listen.json` (docs/OPEN-DATA.md): the names behind the
// columns of the votemanager CSV files, which that layout leaves out. Identifiers are stable for the
// life of an election: the election id, contest ids and list ids come from the election document.

/**
 * The version of the open-data layout (columns, JSON fields, identifier rules in docs/OPEN-DATA.md).
 * It rises only when a field changes meaning or goes away; new files or fields keep it.
 */
export const OPEN_DATA_SCHEMA_VERSION = 1 as const;

export const OpenDataCandidateSchema = z
  .object({
    /** "Dr. Erika Mustermann", as on the ballot. */
    name: z.string(),
    title: z.string().nullable(),
    givenNames: z.string(),
    familyName: z.string(),
  })
  .readonly();
export type OpenDataCandidate = z.infer<typeof OpenDataCandidateSchema>;

export const OpenDataListSchema = z
  .object({
    /** The CSV column of the list's votes: D1, F1 … (contest letter + ballot position). */
    column: z.string(),
    ballotPosition: z.number(),
    listId: z.string(),
    shortName: z.string(),
    name: z.string(),
    color: z.string(),
    /** In a candidate contest (Erststimme, mayor) the candidate whose votes the column holds; null in list and council contests. */
    candidate: OpenDataCandidateSchema.nullable(),
  })
  .readonly();

export const OpenDataListsSchema = z
  .object({
    schemaVersion: z.literal(OPEN_DATA_SCHEMA_VERSION),
    electionId: z.string(),
    election: z.string(),
    /** The votemanager name of the election type (the CSV's `wahl` column). */
    wahl: z.string(),
    datum: z.string(),
    ags: z.string(),
    /** The published version the files were made from. */
    version: z.number(),
    /** Probe: rehearsal figures, not real results (the `wahl` cells carry the watermark). */
    rehearsal: z.boolean(),
    /** Address (relative to the open-data folder) → download name. */
    files: z.record(z.string(), z.string()),
    contests: z
      .array(
        z
          .object({
            id: z.string(),
            name: z.string(),
            ballotType: z.enum(['candidate', 'list', 'council']),
            invalidColumn: z.string(),
            validColumn: z.string(),
            lists: z.array(OpenDataListSchema).readonly(),
          })
          .readonly(),
      )
      .readonly(),
  })
  .readonly();
export type OpenDataLists = z.infer<typeof OpenDataListsSchema>;

/** `wahllokale.json`: the polling rooms, their addresses and the districts voting there; no personal data. */
export const OpenDataPollingStationsSchema = z
  .object({
    schemaVersion: z.literal(OPEN_DATA_SCHEMA_VERSION),
    electionId: z.string(),
    election: z.string(),
    wahl: z.string(),
    datum: z.string(),
    ags: z.string(),
    rehearsal: z.boolean(),
    pollingStations: z
      .array(
        z
          .object({
            /** The election document's key of the room (`wahlraum-nr` in the CSV). */
            id: z.string(),
            name: z.string(),
            address: z.object({ street: z.string(), houseNumber: z.string(), postalCode: z.string(), city: z.string() }).readonly(),
            openingHours: z.string(),
            barrierFree: z.boolean(),
            barrierFreeNote: z.string().nullable(),
            /** The numbers of the districts voting in the room (`gebiet-nr` of `wahlbezirk.csv`). */
            districts: z.array(z.string()).readonly(),
          })
          .readonly(),
      )
      .readonly(),
  })
  .readonly();
export type OpenDataPollingStations = z.infer<typeof OpenDataPollingStationsSchema>;
