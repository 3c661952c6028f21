import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RegisterImportRow } from '../import/register-import.repository';

export class RecordErrorDto {
  @ApiProperty({ description: 'Zeile der Datei (beim Abruf: laufende Nummer des Datensatzes); 1 ist die Kopfzeile.' })
  line!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Spaltenname der Kopfzeile; null bei einem Problem der ganzen Zeile oder Datei.',
  })
  column!: string | null;
  @ApiProperty({ description: 'Der beanstandete Wert (höchstens 80 Zeichen).' })
  value!: string;
  @ApiProperty({ description: 'Begründung auf Deutsch.' })
  reason!: string;
}

export class ImportProgressDto {
  @ApiProperty({ description: 'Erledigt: gelesene Bytes (Datei) bzw. gespeicherte Seiten (Abruf).' })
  done!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Gesamt, falls bekannt (Dateigröße).' })
  total!: number | null;
  @ApiProperty({ enum: ['bytes', 'pages'] })
  unit!: 'bytes' | 'pages';
  @ApiProperty({ nullable: true, type: Number, description: 'Fortschritt in Prozent (0–100), falls die Gesamtmenge bekannt ist.' })
  percent!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Gelesene Datensätze je Sekunde.' })
  recordsPerSecond!: number | null;
}

/** An import job without its error list: what the socket event carries. */
export class RegisterImportStatusDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  electionId!: string;
  @ApiProperty({ enum: ['upload', 'cli', 'pull', 'demo'] })
  source!: 'upload' | 'cli' | 'pull' | 'demo';
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] })
  status!: 'running' | 'succeeded' | 'failed';
  @ApiProperty({ nullable: true, type: String })
  fileName!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['utf-8', 'windows-1252'], description: 'Erkannte oder angegebene Kodierung.' })
  encoding!: string | null;
  @ApiProperty()
  skipInvalid!: boolean;
  @ApiProperty({ description: 'Derselbe Inhalt wie der gültige Import: nichts geändert.' })
  unchanged!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  unchangedFromImportId!: string | null;
  @ApiProperty({ description: 'Gelesene Datensätze (ohne Kopfzeile).' })
  recordsRead!: number;
  @ApiProperty()
  rowsImported!: number;
  @ApiProperty({ description: 'Ausgelassene fehlerhafte Datensätze (mit skipInvalid) bzw. fehlerhafte Datensätze.' })
  rowsRejected!: number;
  @ApiProperty({ description: 'Anzahl aller gefundenen Probleme; `errors` enthält höchstens 100.' })
  errorCount!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Zusammenfassung auf Deutsch.' })
  message!: string | null;
  @ApiProperty({ type: ImportProgressDto })
  progress!: ImportProgressDto;
  @ApiProperty({ nullable: true, type: Number, description: 'Von Amts wegen einzutragende Einwohner (R1.1–R1.8).' })
  residentsEntered!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Davon ohne eindeutigen Wahlbezirk (Adresse prüfen).' })
  residentsUnassigned!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Änderungsvorschläge, wenn das Verzeichnis bereits eingefroren war.' })
  proposalsCreated!: number | null;
  @ApiProperty({ description: 'Ein abgebrochener Abruf kann ab der letzten gespeicherten Seite fortgesetzt werden.' })
  resumable!: boolean;
  @ApiProperty()
  createdBy!: string;
  @ApiProperty({ format: 'date-time' })
  startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  finishedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Bericht der ausgelassenen Zeilen (CSV), wenn es welche gibt.' })
  rejectedReportUrl!: string | null;
}

export class RegisterImportJobDto extends RegisterImportStatusDto {
  @ApiProperty({ type: [RecordErrorDto], description: 'Die ersten 100 Probleme: Zeile, Spalte, Wert, Begründung.' })
  errors!: RecordErrorDto[];
}

export function toImportStatus(row: RegisterImportRow): RegisterImportStatusDto {
  const done = Number(row.progress_done);
  const total = row.progress_total === null ? null : Number(row.progress_total);
  const percent = row.status === 'succeeded' ? 100 : total && total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : null;
  return {
    id: row.id,
    electionId: row.election_id,
    source: row.source,
    status: row.status,
    fileName: row.file_name,
    encoding: row.encoding,
    skipInvalid: row.skip_invalid,
    unchanged: row.unchanged_from_import_id !== null,
    unchangedFromImportId: row.unchanged_from_import_id,
    recordsRead: row.records_read,
    rowsImported: row.rows_imported,
    rowsRejected: row.rows_rejected,
    errorCount: row.error_count,
    message: row.message,
    progress: { done, total, unit: row.progress_unit, percent, recordsPerSecond: row.records_per_second },
    residentsEntered: row.residents_entered,
    residentsUnassigned: row.residents_unassigned,
    proposalsCreated: row.proposals_created,
    resumable: row.resumable,
    createdBy: row.created_by_username,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    rejectedReportUrl:
      row.skip_invalid && row.rows_rejected > 0 ? `/api/elections/${row.election_id}/register-imports/${row.id}/rejected.csv` : null,
  };
}

export function toImportJob(row: RegisterImportRow): RegisterImportJobDto {
  return { ...toImportStatus(row), errors: row.errors };
}
