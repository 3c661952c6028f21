import { Injectable } from '@nestjs/common';
import { RealtimeGateway } from '../../../platform/realtime/realtime.gateway';
import type { RegisterImportStatusDto } from '../dtos/register-import-job.dto';

/** Counts of a roll after a change; no person data, so it may go to every office screen of the election. */
export type RollChangedEvent = {
  readonly electionId: string;
  readonly reason: 'built' | 'proposals' | 'decision' | 'postal-vote' | 'numbers-locked' | 'closed';
  readonly voters: number | null;
};

/**
 * Socket events of the roll, to the office room of the election (never a public room). Payloads
 * carry counts and states only: an import's error list can quote names and stays behind the REST API.
 */
@Injectable()
export class RollEvents {
  constructor(private readonly gateway: RealtimeGateway) {}

  importStatus(officeId: string, status: RegisterImportStatusDto): void {
    this.gateway.emitToOfficeElection(officeId, status.electionId, 'roll:import', status);
  }

  rollChanged(officeId: string, event: RollChangedEvent): void {
    this.gateway.emitToOfficeElection(officeId, event.electionId, 'roll:changed', event);
  }
}
