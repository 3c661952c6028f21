import { Injectable } from '@nestjs/common';
import { RealtimeGateway } from '../../platform/realtime/realtime.gateway';
import type { PollingCardJobDto } from './dtos/polling-card-job.dto';

/** `cards:job` to the office room of the election: counts, rate and ETA of a print job, no voter data. */
@Injectable()
export class PollingCardsEvents {
  constructor(private readonly gateway: RealtimeGateway) {}

  jobChanged(officeId: string, job: PollingCardJobDto): void {
    this.gateway.emitToOfficeElection(officeId, job.electionId, 'cards:job', job);
  }
}
