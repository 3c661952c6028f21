import { Injectable } from '@nestjs/common';
import { closingTotals } from '@wahl/domain';
import type { CloseRoll, RollClosing, RollClosingDistrict } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { Database } from '../../../platform/database/database';
import { AppError } from '../../../platform/errors/app-error';
import { AccountSignatureService } from '../../identity/account-signature.service';
import { RollA3Repository } from '../shared/roll-a3.repository';
import { RollAuditRepository } from '../shared/roll-audit.repository';
import { actorRef, RollElectionService, todayInGermany, type RollDistrict } from '../shared/roll-election.service';
import { RollEvents } from '../shared/roll.events';
import { RollRepository } from '../shared/roll.repository';
import { renderClosingCertificate } from './roll-closing-pdf.renderer';
import { RollClosingRepository, type RollClosingDistrictRow, type RollClosingRow } from './roll-closing.repository';

const notClosed = (): AppError => new AppError('ROLL_NOT_CLOSED', 'Das Wählerverzeichnis ist noch nicht abgeschlossen.');

/** The closing of the roll (R1.21, BWO § 24(1)): counts fixed per district, certified, printed and stored. */
@Injectable()
export class RollClosingService {
  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly a3: RollA3Repository,
    private readonly closings: RollClosingRepository,
    private readonly audit: RollAuditRepository,
    private readonly events: RollEvents,
    private readonly signatures: AccountSignatureService,
  ) {}

  /**
   * Closes the roll once, not before the earliest closing day (the 3rd day before the election unless
   * the election overrides it), certified with the closing account's name and function (BWO § 24(1)).
   * Wahlscheine issued later change no stored count: the Nachtragsliste "W" corrects A1/A2 for the
   * board (R1.16).
   */
  async close(actor: Actor, electionId: string, request: CloseRoll, now: Date = new Date()): Promise<RollClosing> {
    const election = await this.elections.forActor(actor, electionId);
    if (todayInGermany(now) < election.closingEarliest) {
      throw new AppError(
        'ROLL_CLOSING_TOO_EARLY',
        `Das Wählerverzeichnis kann frühestens am ${election.closingEarliest.split('-').reverse().join('.')} abgeschlossen werden.`,
      );
    }
    const signer = await this.signatures.required(actor);
    const { userId, username } = actorRef(actor);
    const districts = await this.elections.pollingDistricts(election.id);
    const closing = await this.db.transaction(async (client) => {
      const roll = await this.rolls.find(client, election.id, true);
      if (!roll) throw new AppError('ROLL_NOT_BUILT', 'Für diese Wahl ist noch kein Wählerverzeichnis gebaut.');
      const closedAt = await this.rolls.close(client, election.id, username);
      if (!closedAt) throw new AppError('ROLL_ALREADY_CLOSED', 'Das Wählerverzeichnis ist bereits abgeschlossen.');
      const counts = new Map((await this.rolls.districtCounts(client, election.id)).map((c) => [c.district_id, c]));
      const a3 = await this.a3.countsByDistrict(client, election.id);
      const rows = districts.map((d) => ({
        district_id: d.id,
        a1: counts.get(d.id)?.a1 ?? 0,
        a2: counts.get(d.id)?.a2 ?? 0,
        a3: a3.get(d.id) ?? 0,
      }));
      const result = toClosing(
        {
          election_id: election.id,
          closed_at: closedAt,
          closed_by_username: username,
          signer_name: signer.name,
          signer_function: signer.function,
          place: request.place ?? null,
        },
        districts,
        rows,
      );
      const document = await renderClosingCertificate({
        electionName: election.name,
        municipalityName: election.municipalityName,
        closing: result,
      });
      await this.closings.insert(client, {
        electionId: election.id,
        closedAt,
        closedByUsername: username,
        signerName: result.signerName,
        signerFunction: result.signerFunction,
        place: result.place,
        document,
        districts: rows,
      });
      await this.audit.record(client, [
        {
          electionId: election.id,
          actorUserId: userId,
          actorUsername: username,
          action: 'roll-closed',
          details: { A1: result.A1, A2: result.A2, A3: result.A3, signerName: result.signerName, signerFunction: result.signerFunction },
        },
      ]);
      return result;
    });
    this.events.rollChanged(election.officeId, { electionId: election.id, reason: 'closed', voters: null });
    return closing;
  }

  /** The stored closing; 409 while the roll is open. */
  async closing(actor: Actor, electionId: string): Promise<RollClosing> {
    const election = await this.elections.forActor(actor, electionId);
    const closing = await this.closingOf(election.id);
    if (!closing) throw notClosed();
    return closing;
  }

  /** The stored closing of an election (for other modules, which have checked the office), or null. */
  async closingOf(electionId: string): Promise<RollClosing | null> {
    const row = await this.closings.find(electionId);
    if (!row) return null;
    return toClosing(row, await this.elections.pollingDistricts(electionId), await this.closings.districts(electionId));
  }

  /** The certificate as printed at closing. */
  async certificatePdf(actor: Actor, electionId: string): Promise<Buffer> {
    const election = await this.elections.forActor(actor, electionId);
    const pdf = await this.closings.document(election.id);
    if (!pdf) throw notClosed();
    return pdf;
  }
}

function toClosing(row: RollClosingRow, districts: readonly RollDistrict[], counts: readonly RollClosingDistrictRow[]): RollClosing {
  const byId = new Map(counts.map((c) => [c.district_id, c]));
  const lines: RollClosingDistrict[] = districts.map((d) => {
    const c = byId.get(d.id);
    const totals = closingTotals([{ A1: c?.a1 ?? 0, A2: c?.a2 ?? 0, A3: c?.a3 ?? 0 }]);
    return {
      districtId: d.id,
      number: d.number,
      name: d.name,
      A1: totals.A1,
      A2: totals.A2,
      A3: totals.A3,
      total: totals.rollTotal,
      A: totals.A,
    };
  });
  const sum = closingTotals(lines);
  return {
    electionId: row.election_id,
    closedAt: row.closed_at.toISOString(),
    closedBy: row.closed_by_username,
    signerName: row.signer_name,
    signerFunction: row.signer_function,
    place: row.place,
    districts: lines,
    A1: sum.A1,
    A2: sum.A2,
    A3: sum.A3,
    total: sum.rollTotal,
    A: sum.A,
  };
}
