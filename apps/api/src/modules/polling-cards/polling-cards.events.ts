import { Injectable } from '@nestjs/common';
import { POLLING_CARD_EVENTS, type PollingCardJob } from '@wahl/contracts';
import { RealtimeGateway } from '../../platform/realtime/realtime.gateway';

/** `cards:job` to the office room of the election: counts, rate and ETA of a print job, no voter data. */
@Injectable()
export class PollingCardsEvents {
  constructor(private readonly gateway: RealtimeGateway) {}

  jobChanged(officeId: string, job: PollingCardJob): void {
    this.gateway.emitToOfficeElection(officeId, job.electionId, POLLING_CARD_EVENTS.job, job);
  }
}
