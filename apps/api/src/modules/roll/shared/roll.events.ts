import { Injectable } from '@nestjs/common';
import { ROLL_EVENTS, type RegisterImportStatus, type RollChanged } from '@wahl/contracts';
import { RealtimeGateway } from '../../../platform/realtime/realtime.gateway';

/** Counts of a roll after a change; no person data, so it may go to every office screen of the election. */
export type RollChangedEvent = RollChanged;

/**
 * Socket events of the roll, to the office room of the election (never a public room). Payloads
 * carry counts and states only: an import's error list can quote names and stays behind the REST API.
 */
@Injectable()
export class RollEvents {
  constructor(private readonly gateway: RealtimeGateway) {}

  importStatus(officeId: string, status: RegisterImportStatus): void {
    this.gateway.emitToOfficeElection(officeId, status.electionId, ROLL_EVENTS.importStatus, status);
  }

  rollChanged(officeId: string, event: RollChanged): void {
    this.gateway.emitToOfficeElection(officeId, event.electionId, ROLL_EVENTS.changed, event);
  }
}
