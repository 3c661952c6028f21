import type { RecordError, Street } from '@wahl/domain';
import { AppError } from '../../../platform/errors/app-error';
import { tryAdvisoryXactLock, type Database, type Tx } from '../../../platform/database/database';
import type { RollElection } from '../shared/roll-election.service';
import { CopyStreamWriter, CopyTextBuffer } from './copy-text-buffer';
import { RegisterImportRun } from './register-import-run';
import type { ImportOutcome, RegisterImportRepository, RegisterImportRow } from './register-import.repository';

/** After the rows are in: what the import changes beyond them (change proposals on a frozen roll). */
export type ImportFollowUp = {
  /** The import the roll was built from, whose rows must be kept; null without a roll. */
  rollBaseImport(client: Tx, electionId: string): Promise<string | null>;
  /** Change proposals for a frozen roll; null when the roll is not frozen (or not built). */
  proposeChanges(client: Tx, election: RollElection, importId: string): Promise<number | null>;
};

export type SessionDependencies = {
  readonly db: Database;
  readonly imports: RegisterImportRepository;
  readonly followUp: ImportFollowUp;
};

export type ProgressSink = (job: RegisterImportRow['id'], done: number, run: RegisterImportRun, elapsedMs: number) => Promise<void>;

const PROGRESS_INTERVAL_MS = 300;
const REJECT_BATCH = 500;

export const busyElection = (): AppError =>
  new AppError(
    'ROLL_BUSY',
    'Für diese Wahl läuft gerade ein anderer Import oder der Aufbau des Wählerverzeichnisses. Bitte warten Sie, bis er beendet ist.',
  );

/**
 * One import in one transaction (all or nothing): rows go through PostgreSQL COPY on a dedicated
 * connection while the connector reads; the job row is updated on other connections, so that its
 * progress is visible before the commit. `finish` decides commit or rollback and records the outcome
 * in the same transaction.
 */
export class RegisterImportSession {
  readonly run: RegisterImportRun;
  private readonly buffer = new CopyTextBuffer();
  private readonly writer: CopyStreamWriter;
  private pendingRejects: RecordError[] = [];
  private rejectSeq = 0;
  private lastProgress = 0;
  private readonly startedAt = Date.now();
  private closed = false;

  private constructor(
    private readonly deps: SessionDependencies,
    private readonly client: Tx,
    readonly job: RegisterImportRow,
    private readonly election: RollElection,
    streets: readonly Street[],
    private readonly progress: ProgressSink,
  ) {
    this.run = new RegisterImportRun(
      job.id,
      { kind: election.kind, electionDay: election.electionDay, cutoffDay: election.cutoffDay, streets },
      job.skip_invalid,
      this.buffer,
      (errors) => {
        for (const error of errors) this.pendingRejects.push(error);
      },
    );
    this.writer = new CopyStreamWriter(deps.imports.copyRows(client));
  }

  /**
   * Opens the transaction and takes the election's lock before the job exists: a second import
   * of the same election is refused (409) instead of waiting behind the first.
   */
  static async open(
    deps: SessionDependencies,
    election: RollElection,
    streets: readonly Street[],
    createJob: () => Promise<RegisterImportRow>,
    progress: ProgressSink,
  ): Promise<RegisterImportSession> {
    const client = await deps.imports.beginImport();
    try {
      if (!(await tryAdvisoryXactLock(client, 'roll', election.id))) throw busyElection();
      const job = await createJob();
      return new RegisterImportSession(deps, client, job, election, streets, progress);
    } catch (error) {
      await deps.imports.rollback(client).catch(() => undefined);
      client.release();
      throw error;
    }
  }

  /** Called after each chunk of input: hands the formatted rows to COPY, stores rejects, reports progress. */
  async afterChunk(done: number): Promise<void> {
    await this.run.settle();
    const rows = this.buffer.take();
    if (!this.run.failing && !this.run.hasFatal) await this.writer.write(rows);
    if (this.pendingRejects.length >= REJECT_BATCH) await this.flushRejects();
    const now = Date.now();
    if (now - this.lastProgress >= PROGRESS_INTERVAL_MS) {
      this.lastProgress = now;
      await this.progress(this.job.id, done, this.run, now - this.startedAt);
    }
  }

  recordsPerSecond(): number | null {
    const seconds = (Date.now() - this.startedAt) / 1000;
    return seconds > 0 ? Math.round(this.run.recordsRead / seconds) : null;
  }

  /**
   * Ends the COPY and decides: a fatal or (without skipInvalid) any bad record → rollback; the same
   * content as the import in effect → rollback, reported as unchanged; otherwise duplicates are
   * handled, proposals made on a frozen roll, old rows pruned, and everything committed together.
   */
  async finish(
    done: number,
    content: { sha256: string | null; encoding: string | null },
    extra?: (client: Tx) => Promise<void>,
  ): Promise<ImportOutcome> {
    const run = this.run;
    const base = { encoding: content.encoding, contentSha256: content.sha256, progressDone: done };
    try {
      await run.finish();
      if (!run.failing && !run.hasFatal) {
        await this.writer.write(this.buffer.take());
        await this.writer.end();
        await this.handleDuplicates();
      }
      await this.flushRejects();
      if (run.hasFatal || run.failing) {
        return await this.rollbackWith({ ...base, status: 'failed', message: this.failureMessage() });
      }
      if (run.rowsWritten === 0) {
        return await this.rollbackWith({
          ...base,
          status: 'failed',
          message: 'Keine Zeile der Datei war gültig; es wurde nichts übernommen.',
        });
      }
      const current = await this.deps.imports.current(this.client, this.election.id, this.job.id);
      if (current && content.sha256 && current.content_sha256 === content.sha256) {
        return await this.rollbackWith({
          ...base,
          status: 'succeeded',
          unchangedFromImportId: current.id,
          message: 'Derselbe Inhalt wie beim gültigen Import: nichts geändert.',
        });
      }
      const counts =
        run.rowsRejected > 0
          ? await this.deps.imports.countEntered(this.client, this.job.id)
          : { entered: run.entered, unassigned: run.unassigned };
      const proposals = await this.deps.followUp.proposeChanges(this.client, this.election, this.job.id);
      const rollBase = await this.deps.followUp.rollBaseImport(this.client, this.election.id);
      await this.deps.imports.pruneRows(this.client, this.election.id, rollBase ? [this.job.id, rollBase] : [this.job.id]);
      if (extra) await extra(this.client);
      const outcome: ImportOutcome = {
        ...base,
        status: 'succeeded',
        message: this.successMessage(proposals),
        recordsRead: run.recordsRead,
        rowsImported: run.rowsWritten,
        rowsRejected: run.rowsRejected,
        errorCount: run.errorCount,
        errors: run.errors,
        recordsPerSecond: this.recordsPerSecond(),
        residentsEntered: counts.entered,
        residentsUnassigned: counts.unassigned,
        proposalsCreated: proposals,
      };
      await this.deps.imports.finish(this.client, this.job.id, outcome);
      await this.deps.imports.commit(this.client);
      this.close();
      return outcome;
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Rolls back after an unexpected error; the caller records the failure. */
  async abort(): Promise<void> {
    if (this.closed) return;
    await this.deps.imports.rollback(this.client).catch(() => undefined);
    this.close(true);
  }

  private async rollbackWith(
    partial: Omit<ImportOutcome, 'recordsRead' | 'rowsImported' | 'rowsRejected' | 'errorCount' | 'errors' | 'recordsPerSecond'>,
  ): Promise<ImportOutcome> {
    // The COPY must be over before the connection takes another statement.
    await this.writer.end().catch(() => undefined);
    await this.deps.imports.rollback(this.client);
    this.close();
    const run = this.run;
    const outcome: ImportOutcome = {
      recordsRead: run.recordsRead,
      rowsImported: 0,
      rowsRejected: run.rowsRejected,
      errorCount: run.errorCount,
      errors: run.errors,
      recordsPerSecond: this.recordsPerSecond(),
      ...partial,
    };
    await this.deps.imports.finish(this.deps.db, this.job.id, outcome);
    return outcome;
  }

  private close(destroy = false): void {
    this.closed = true;
    void this.run.close();
    // A connection left in the middle of COPY cannot be reused.
    this.client.release(destroy);
  }

  private async handleDuplicates(): Promise<void> {
    const candidates = this.run.duplicateCandidates;
    if (candidates.length === 0) return;
    const duplicates = await this.deps.imports.duplicatePersonIds(this.client, this.job.id, [...new Set(candidates)]);
    if (duplicates.length === 0) return;
    const errors: RecordError[] = [];
    const lines: number[] = [];
    for (const { person_id: personId, lines: at } of duplicates) {
      for (const line of at) {
        lines.push(line);
        errors.push({
          line,
          column: 'person_id',
          value: personId.length > 80 ? `${personId.slice(0, 80)}…` : personId,
          reason: `Die person_id kommt mehrfach vor (Zeilen ${at.join(', ')}); keiner dieser Datensätze wird übernommen.`,
        });
      }
    }
    errors.sort((a, b) => a.line - b.line);
    if (this.job.skip_invalid) {
      await this.deps.imports.deleteRows(this.client, this.job.id, lines);
      this.pendingRejects.push(...errors);
    }
    this.run.rejectWritten(errors, lines.length);
  }

  private async flushRejects(): Promise<void> {
    if (!this.job.skip_invalid) {
      this.pendingRejects = [];
      return;
    }
    while (this.pendingRejects.length > 0) {
      const batch = this.pendingRejects.splice(0, REJECT_BATCH);
      await this.deps.imports.insertRejects(this.job.id, this.rejectSeq, batch);
      this.rejectSeq += batch.length;
    }
  }

  private failureMessage(): string {
    const run = this.run;
    if (run.hasFatal) return `Der Import ist fehlgeschlagen: ${run.errors[0]?.reason ?? 'unbekannter Fehler'} Es wurde nichts übernommen.`;
    const rows = run.rowsRejected === 1 ? '1 fehlerhafte Zeile' : `${run.rowsRejected} fehlerhafte Zeilen`;
    return `Der Import ist fehlgeschlagen: ${rows} (${run.errorCount} Fehler). Es wurde nichts übernommen. Korrigieren Sie die Datei oder importieren Sie mit „fehlerhafte Zeilen auslassen“.`;
  }

  private successMessage(proposals: number | null): string {
    const run = this.run;
    const parts = [`${run.rowsWritten.toLocaleString('de-DE')} Einwohner übernommen.`];
    if (run.rowsRejected > 0) parts.push(`${run.rowsRejected.toLocaleString('de-DE')} fehlerhafte Zeilen ausgelassen (siehe Bericht).`);
    if (proposals !== null)
      parts.push(`Das Wählerverzeichnis ist eingefroren: ${proposals.toLocaleString('de-DE')} Änderungsvorschläge zur Prüfung.`);
    return parts.join(' ');
  }
}
