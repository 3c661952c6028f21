import { Injectable } from '@nestjs/common';
import { POLLING_DAY_EVENTS, type PollingDayEntryEvent, type PollingDayMessageReadEvent } from '@wahl/contracts';
import { RealtimeGateway } from '../../platform/realtime/realtime.gateway';

/**
 * Socket events of the polling day, to the office room of the election (never a public room), sent
 * after the write. Payloads carry ids and kinds only: members' names and incident texts stay behind
 * the monitor route (poll-worker data never in a broadcast).
 */
@Injectable()
export class PollingDayEvents {
  constructor(private readonly gateway: RealtimeGateway) {}

  entry(officeId: string, event: PollingDayEntryEvent): void {
    this.gateway.emitToOfficeElection(officeId, event.electionId, POLLING_DAY_EVENTS.entry, event);
  }

  messageRead(officeId: string, event: PollingDayMessageReadEvent): void {
    this.gateway.emitToOfficeElection(officeId, event.electionId, POLLING_DAY_EVENTS.messageRead, event);
  }
}
