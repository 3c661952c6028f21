import { z } from 'zod';
import { UuidSchema } from '../common/ids';
import { REGISTER_IMPORT_SOURCES, REGISTER_IMPORT_STATUSES } from './roll.constants';

/** One problem of a register record: line, column, value and the German reason. */
export const RecordErrorSchema = z
  .object({
    line: z.number().int().describe('Zeile der Datei (beim Abruf: laufende Nummer des Datensatzes); 1 ist die Kopfzeile.'),
    column: z.string().nullable().describe('Spaltenname der Kopfzeile; null bei einem Problem der ganzen Zeile oder Datei.'),
    value: z.string().describe('Der beanstandete Wert (höchstens 80 Zeichen).'),
    reason: z.string().describe('Begründung auf Deutsch.'),
  })
  .readonly();
export type RecordError = z.infer<typeof RecordErrorSchema>;

export const ImportProgressSchema = z
  .object({
    done: z.number().describe('Erledigt: gelesene Bytes (Datei) bzw. gespeicherte Seiten (Abruf).'),
    total: z.number().nullable().describe('Gesamt, falls bekannt (Dateigröße).'),
    unit: z.enum(['bytes', 'pages']),
    percent: z.number().nullable().describe('Fortschritt in Prozent (0–100), falls die Gesamtmenge bekannt ist.'),
    recordsPerSecond: z.number().nullable().describe('Gelesene Datensätze je Sekunde.'),
  })
  .readonly();
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** An import job without its error list: what the socket event `roll:import` carries. */
const registerImportStatusShape = {
  id: UuidSchema,
  electionId: UuidSchema,
  source: z.enum(REGISTER_IMPORT_SOURCES),
  status: z.enum(REGISTER_IMPORT_STATUSES),
  fileName: z.string().nullable(),
  encoding: z.string().nullable().describe('Erkannte oder angegebene Kodierung (utf-8, windows-1252).'),
  skipInvalid: z.boolean(),
  unchanged: z.boolean().describe('Derselbe Inhalt wie der gültige Import: nichts geändert.'),
  unchangedFromImportId: UuidSchema.nullable(),
  recordsRead: z.number().int().describe('Gelesene Datensätze (ohne Kopfzeile).'),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int().describe('Ausgelassene fehlerhafte Datensätze (mit skipInvalid) bzw. fehlerhafte Datensätze.'),
  errorCount: z.number().int().describe('Anzahl aller gefundenen Probleme; `errors` enthält höchstens 100.'),
  message: z.string().nullable().describe('Zusammenfassung auf Deutsch.'),
  progress: ImportProgressSchema,
  residentsEntered: z.number().int().nullable().describe('Von Amts wegen einzutragende Einwohner (R1.1–R1.8).'),
  residentsUnassigned: z.number().int().nullable().describe('Davon ohne eindeutigen Wahlbezirk (Adresse prüfen).'),
  proposalsCreated: z.number().int().nullable().describe('Änderungsvorschläge, wenn das Verzeichnis bereits eingefroren war.'),
  resumable: z.boolean().describe('Ein abgebrochener Abruf kann ab der letzten gespeicherten Seite fortgesetzt werden.'),
  createdBy: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  rejectedReportUrl: z.string().nullable().describe('Bericht der ausgelassenen Zeilen (CSV), wenn es welche gibt.'),
};
export const RegisterImportStatusSchema = z.object(registerImportStatusShape).readonly();
export type RegisterImportStatus = z.infer<typeof RegisterImportStatusSchema>;

/** The REST answer for one import: its state and the first 100 problems. */
export const RegisterImportJobSchema = z
  .object({
    ...registerImportStatusShape,
    errors: z.array(RecordErrorSchema).readonly().describe('Die ersten 100 Probleme: Zeile, Spalte, Wert, Begründung.'),
  })
  .readonly();
export type RegisterImportJob = z.infer<typeof RegisterImportJobSchema>;

export const RegisterImportStatusListSchema = z.array(RegisterImportStatusSchema).readonly();

const pullTuning = {
  timeoutMs: z.number().int().min(100).max(300_000).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
  retryDelayMs: z.number().int().min(0).max(60_000).optional(),
};

/** `POST …/register-pulls`: pull the register from a register service (docs/REGISTER-PULL.md). */
export const PullStartSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'Bitte eine http- oder https-Adresse angeben.' }),
  pageSize: z.number().int().min(1).max(10_000).optional(),
  ...pullTuning,
});
export type PullStartRequest = z.infer<typeof PullStartSchema>;

/**
 * `GET|PUT /api/offices/:officeId/register-pull-sources`: the register services an office may pull
 * from, set by the provider admin; a pull to any other address is refused (issue 17, finding 8).
 */
export const RegisterPullSourcesSchema = z.strictObject({
  urls: z.array(z.url({ protocol: /^https?$/, error: 'Bitte eine http- oder https-Adresse angeben.' })).max(20, 'Höchstens 20 Adressen.'),
});
export type RegisterPullSources = z.infer<typeof RegisterPullSourcesSchema>;

/** `POST …/register-pulls/:jobId/resume`: optional new tuning for the rest of the pull. */
export const PullResumeSchema = z.strictObject({ ...pullTuning });
export type PullResumeRequest = z.infer<typeof PullResumeSchema>;
