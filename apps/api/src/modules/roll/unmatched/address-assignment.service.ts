import { Injectable } from '@nestjs/common';
import type { AssignAddressResult } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { Database, tryAdvisoryXactLock } from '../../../platform/database/database';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { busyElection } from '../import/register-import-session';
import { RegisterImportRepository } from '../import/register-import.repository';
import { RollAuditRepository } from '../shared/roll-audit.repository';
import { actorRef, RollElectionService } from '../shared/roll-election.service';
import { RollEvents } from '../shared/roll.events';
import { RollRepository } from '../shared/roll.repository';
import { AddressAssignmentRepository } from './address-assignment.repository';

/**
 * R2.4: an address the street directory gives no unique polling district is never guessed; the office
 * decides. The register row takes the chosen district (a rebuild from the same import keeps it), and
 * a built roll gets the entry after the district's last number (no other number changes, R1.14).
 * Audited with the address's problem before; refused once the roll is closed (R1.21).
 */
@Injectable()
export class AddressAssignmentService {
  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly imports: RegisterImportRepository,
    private readonly assignments: AddressAssignmentRepository,
    private readonly audit: RollAuditRepository,
    private readonly events: RollEvents,
  ) {}

  async assign(actor: Actor, electionId: string, line: number, districtId: string): Promise<AssignAddressResult> {
    const election = await this.elections.forActor(actor, electionId);
    const { userId, username } = actorRef(actor);
    const result = await this.db.transaction(async (client) => {
      if (!(await tryAdvisoryXactLock(client, 'roll', election.id))) throw busyElection();
      const roll = await this.rolls.find(client, election.id, true);
      if (roll?.closed_at) {
        throw new AppError('ROLL_CLOSED', 'Das Wählerverzeichnis ist abgeschlossen; Anschriften werden nicht mehr zugeordnet.');
      }
      const importId = roll?.base_import_id ?? (await this.imports.current(client, election.id))?.id;
      if (!importId)
        throw new AppError('REGISTER_IMPORT_MISSING', 'Es gibt noch keinen erfolgreichen Import des Melderegisters für diese Wahl.');
      const districtNumber = await this.assignments.pollingDistrictNumber(client, election.id, districtId);
      if (!districtNumber) {
        throw new AppError('VALIDATION_FAILED', 'Bitte einen Urnenwahlbezirk dieser Wahl wählen.', [
          { path: '$.districtId', message: 'Kein Urnenwahlbezirk dieser Wahl.' },
        ]);
      }
      const resident = await this.assignments.lockUnassigned(client, election.id, importId, line);
      if (!resident) throw notFound(`Eine wahlberechtigte Person ohne eindeutigen Wahlbezirk in Zeile ${line}`);
      await this.assignments.assign(client, importId, line, districtNumber);
      const voterNumber = roll
        ? await this.assignments.appendEntry(client, election.id, importId, line, `Wahlbezirk ${districtNumber} von Hand zugeordnet.`)
        : null;
      await this.audit.record(client, [
        {
          electionId: election.id,
          actorUserId: userId,
          actorUsername: username,
          action: 'address-assigned',
          details: {
            importId,
            line,
            districtNumber,
            voterNumber,
            before: { problem: resident.address_status, candidates: resident.address_candidates, district: resident.district_number },
          },
        },
      ]);
      return { line, districtNumber, voterNumber };
    });
    this.events.rollChanged(election.officeId, { electionId: election.id, reason: 'address-assigned', voters: null });
    return result;
  }
}
