import { Injectable } from '@nestjs/common';
import { POLLING_CARD_EVENTS, type PollingCardJob, type PollingCardsOfficeEvents } from '@wahl/contracts';
import { RealtimeGateway } from '../../platform/realtime/realtime.gateway';

type Payload<E extends keyof PollingCardsOfficeEvents> = Parameters<PollingCardsOfficeEvents[E]>[0];

/** `cards:job` to the office room of the election: counts, rate and ETA of a print job, no voter data. */
@Injectable()
export class PollingCardsEvents {
  constructor(private readonly gateway: RealtimeGateway) {}

  jobChanged(officeId: string, job: PollingCardJob): void {
    this.emit(officeId, job.electionId, POLLING_CARD_EVENTS.job, job);
  }

  // Typed by the contract's event map until the office gateway is typed by it end to end.
  private emit<E extends keyof PollingCardsOfficeEvents>(officeId: string, electionId: string, event: E, payload: Payload<E>): void {
    this.gateway.emitToOfficeElection(officeId, electionId, event, payload);
  }
}
