import { Injectable } from '@nestjs/common';
import { ROLL_EVENTS, type RegisterImportStatus, type RollChanged, type RollOfficeEvents } from '@wahl/contracts';
import { RealtimeGateway } from '../../../platform/realtime/realtime.gateway';

/** Counts of a roll after a change; no person data, so it may go to every office screen of the election. */
export type RollChangedEvent = RollChanged;

type Payload<E extends keyof RollOfficeEvents> = Parameters<RollOfficeEvents[E]>[0];

/**
 * Socket events of the roll, to the office room of the election (never a public room). Payloads
 * carry counts and states only: an import's error list can quote names and stays behind the REST API.
 */
@Injectable()
export class RollEvents {
  constructor(private readonly gateway: RealtimeGateway) {}

  importStatus(officeId: string, status: RegisterImportStatus): void {
    this.emit(officeId, status.electionId, ROLL_EVENTS.importStatus, status);
  }

  rollChanged(officeId: string, event: RollChanged): void {
    this.emit(officeId, event.electionId, ROLL_EVENTS.changed, event);
  }

  // Typed by the contract's event map until the office gateway is typed by it end to end.
  private emit<E extends keyof RollOfficeEvents>(officeId: string, electionId: string, event: E, payload: Payload<E>): void {
    this.gateway.emitToOfficeElection(officeId, electionId, event, payload);
  }
}
