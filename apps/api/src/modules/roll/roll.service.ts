import { Injectable } from '@nestjs/common';
import type { ClosingCounts } from '@wahl/contracts';
import { formatA3CertificateNumber } from '@wahl/domain';
import { AppError, notFound } from '../../platform/errors/app-error';
import { RollClosingRepository } from './closing/roll-closing.repository';
import { RollReadService } from './read/roll-read.service';
import { RollA3Repository, type A3EntryRow, type NewA3Entry } from './shared/roll-a3.repository';
import { RollAuditRepository } from './shared/roll-audit.repository';
import { Database, type Queryable } from '../../platform/database/database';
import { RollElectionService, type RollDistrict } from './shared/roll-election.service';
import { RollEvents } from './shared/roll.events';
import { RollRepository, type RollEntryRow } from './shared/roll.repository';

/** A roll entry as other modules see it (RollService's return type). */
export type { RollEntryRow } from './shared/roll.repository';
export type { A3EntryRow, NewA3Entry } from './shared/roll-a3.repository';

/** Who acts, for the audit entry of a call from another module. */
export type RollCaller = { readonly userId: string | null; readonly username: string };

const SYSTEM: RollCaller = { userId: null, username: 'system' };

/**
 * The roll's API for other modules (the module exports only this service): the postal-vote mark
 * (postal voting), A1/A2 per district (election night), locking the numbers (polling cards).
 * Callers have checked the office already; every write is audited.
 */
@Injectable()
export class RollService {
  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly closings: RollClosingRepository,
    private readonly a3: RollA3Repository,
    private readonly read: RollReadService,
    private readonly audit: RollAuditRepository,
    private readonly events: RollEvents,
  ) {}

  /**
   * R1.15 (BWO § 30): a Wahlschein was issued → "W" in the voting-mark column; from now on the voter
   * counts in A2. Marking again with another certificate (a replacement) keeps "W" and records it.
   */
  async markPostalVote(electionId: string, voterId: number, certificateNumber: string, caller: RollCaller = SYSTEM): Promise<void> {
    const certificate = certificateNumber.trim();
    if (!certificate)
      throw new AppError('VALIDATION_FAILED', 'Die Wahlschein-Nummer fehlt.', [
        { path: '$.certificateNumber', message: 'Wahlschein-Nummer fehlt.' },
      ]);
    const officeId = await this.elections.officeOf(electionId);
    await this.db.transaction(async (client) => {
      const entry = await this.rolls.entry(client, electionId, voterId, true);
      if (!entry) throw notFound('Der Eintrag im Wählerverzeichnis');
      if (entry.status !== 'active')
        throw new AppError('ROLL_ENTRY_REMOVED', 'Der Eintrag ist gestrichen; ein Wahlschein kann nicht vermerkt werden.');
      await this.rolls.markPostalVote(client, electionId, voterId, certificate);
      await this.audit.record(client, [
        {
          electionId,
          actorUserId: caller.userId,
          actorUsername: caller.username,
          action: 'postal-vote-marked',
          voterId,
          details: { certificateNumber: certificate, previousCertificateNumber: entry.postal_vote_certificate },
        },
      ]);
    });
    this.events.rollChanged(officeId, { electionId, reason: 'postal-vote', voters: null });
  }

  /**
   * R1.15 for many voters at once, inside the caller's transaction (postal voting issues certificates
   * in bulk and writes them in the same transaction). Every voter must have an active entry, else
   * nothing is marked. Call announcePostalVotes after the caller's commit.
   */
  async markPostalVotesIn(
    db: Queryable,
    electionId: string,
    marks: readonly { voterId: number; certificateNumber: string }[],
    caller: RollCaller = SYSTEM,
  ): Promise<void> {
    if (marks.length === 0) return;
    const before = new Map(
      (
        await this.rolls.entriesByIds(
          db,
          electionId,
          marks.map((m) => m.voterId),
          true,
        )
      ).map((e) => [e.voter_id, e]),
    );
    const marked = new Set(await this.rolls.markPostalVotes(db, electionId, marks));
    const missing = marks.find((m) => !marked.has(m.voterId));
    if (missing) {
      throw before.has(missing.voterId)
        ? new AppError('ROLL_ENTRY_REMOVED', 'Der Eintrag ist gestrichen; ein Wahlschein kann nicht vermerkt werden.')
        : notFound('Der Eintrag im Wählerverzeichnis');
    }
    await this.audit.record(
      db,
      marks.map((m) => ({
        electionId,
        actorUserId: caller.userId,
        actorUsername: caller.username,
        action: 'postal-vote-marked' as const,
        voterId: m.voterId,
        details: {
          certificateNumber: m.certificateNumber,
          previousCertificateNumber: before.get(m.voterId)?.postal_vote_certificate ?? null,
        },
      })),
    );
  }

  /** BWO § 25(2): records the application of a person not in the roll (A3 once issued), audited. */
  async recordA3(entry: NewA3Entry, caller: RollCaller): Promise<A3EntryRow> {
    return this.db.transaction(async (client) => {
      const row = await this.a3.insert(client, entry);
      await this.audit.record(client, [
        {
          electionId: entry.electionId,
          actorUserId: caller.userId,
          actorUsername: caller.username,
          action: 'a3-recorded',
          details: { a3Id: row.id, reason: entry.reason },
        },
      ]);
      return row;
    });
  }

  /** Issued A3 certificates per day (JJJJ-MM-TT, Europe/Berlin), for the Briefwahlstelle's figures. */
  a3IssuedPerDay(electionId: string): Promise<Map<string, number>> {
    return this.a3.issuedPerDay(electionId);
  }

  /** The election's A3 applications and certificates, newest first. */
  a3Entries(electionId: string): Promise<A3EntryRow[]> {
    return this.a3.list(electionId);
  }

  /** One A3 application or certificate, or 404. */
  async a3Entry(electionId: string, id: string): Promise<A3EntryRow> {
    const row = await this.a3.find(this.db, electionId, id);
    if (!row) throw notFound('Der Antrag nach BWO § 25 Abs. 2');
    return row;
  }

  /** Issues the A3 certificate with the next number of the election's A3 series; it counts in A3 from now on. */
  async issueA3(electionId: string, id: string, caller: RollCaller): Promise<A3EntryRow> {
    const districts = new Map((await this.elections.pollingDistricts(electionId)).map((d) => [d.id, d]));
    const issued = await this.db.transaction(async (client) => {
      // The roll row serialises the numbering of the series.
      if (!(await this.rolls.find(client, electionId, true)))
        throw new AppError('ROLL_NOT_BUILT', 'Für diese Wahl ist noch kein Wählerverzeichnis gebaut.');
      const row = await this.a3.find(client, electionId, id, true);
      if (!row) throw notFound('Der Antrag nach BWO § 25 Abs. 2');
      if (row.certificate_number)
        throw new AppError('A3_ALREADY_ISSUED', `Für diesen Antrag ist der Wahlschein ${row.certificate_number} bereits erteilt.`);
      const number = formatA3CertificateNumber(
        districts.get(row.district_id)?.number ?? '',
        await this.a3.nextSequence(client, electionId),
      );
      const updated = await this.a3.markIssued(client, row.id, number, caller.username);
      await this.audit.record(client, [
        {
          electionId,
          actorUserId: caller.userId,
          actorUsername: caller.username,
          action: 'a3-issued',
          details: { a3Id: row.id, certificateNumber: number },
        },
      ]);
      return updated;
    });
    this.events.rollChanged(await this.elections.officeOf(electionId), { electionId, reason: 'postal-vote', voters: null });
    return issued;
  }

  /** Tells the office screens that "W" marks changed (after the commit of markPostalVotesIn). */
  async announcePostalVotes(electionId: string): Promise<void> {
    this.events.rollChanged(await this.elections.officeOf(electionId), { electionId, reason: 'postal-vote', voters: null });
  }

  /** Entries by voter id (missing ids are left out), e.g. for a work queue of applications. */
  entriesOf(electionId: string, voterIds: readonly number[]): Promise<RollEntryRow[]> {
    return this.rolls.entriesByIds(this.db, electionId, voterIds);
  }

  /** The election's polling districts (id, number, name) in their order. */
  districts(electionId: string): Promise<RollDistrict[]> {
    return this.elections.pollingDistricts(electionId);
  }

  /** Entries born on a day: an application without the card's code is matched among these. */
  entriesBornOn(electionId: string, birthDate: string): Promise<RollEntryRow[]> {
    return this.rolls.entriesBornOn(electionId, birthDate);
  }

  /** When the roll was closed (R1.21), or null while it is open. */
  async closing(electionId: string): Promise<{ closedAt: Date; closedBy: string } | null> {
    const row = await this.rolls.closing(this.db, electionId);
    return row ? { closedAt: row.closed_at, closedBy: row.closed_by_username } : null;
  }

  /**
   * R1.21: A1, A2 and A3 of one polling district as fixed and certified at closing, or null while the
   * roll is open. The board's quick report starts from these; later "W" come from the Nachtragsliste.
   */
  async closingOfDistrict(electionId: string, districtId: string): Promise<{ A1: number; A2: number; A3: number } | null> {
    const row = await this.closings.findByDistrict(electionId, districtId);
    return row ? { A1: row.a1, A2: row.a2, A3: row.a3 } : null;
  }

  /** R1.21 / P2: A1 (without "W"), A2 (with "W") and A3 per polling district, as of now. */
  closingCounts(electionId: string): Promise<ClosingCounts> {
    return this.read.closingCountsOf(electionId);
  }

  /** R1.14: the polling cards are printed; numbers never change from now on (no rebuild). */
  async lockNumbers(electionId: string, caller: RollCaller = SYSTEM): Promise<void> {
    const officeId = await this.elections.officeOf(electionId);
    await this.db.transaction(async (client) => {
      if (!(await this.rolls.lockNumbers(client, electionId)))
        throw new AppError('ROLL_NOT_BUILT', 'Für diese Wahl ist noch kein Wählerverzeichnis gebaut.');
      await this.audit.record(client, [
        { electionId, actorUserId: caller.userId, actorUsername: caller.username, action: 'numbers-locked' },
      ]);
    });
    this.events.rollChanged(officeId, { electionId, reason: 'numbers-locked', voters: null });
  }

  /** A district's entries in number order (e.g. for the polling cards). */
  districtEntries(electionId: string, districtId: string): Promise<RollEntryRow[]> {
    return this.rolls.entriesOfDistrict(electionId, districtId);
  }

  /** One entry, e.g. to show it before marking a Wahlschein. */
  async entry(electionId: string, voterId: number): Promise<RollEntryRow> {
    const entry = await this.rolls.entry(this.db, electionId, voterId);
    if (!entry) throw notFound('Der Eintrag im Wählerverzeichnis');
    return entry;
  }
}
