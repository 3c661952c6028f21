import { Injectable } from '@nestjs/common';
import type { PollWorkerSignUp, PollWorkerSignUpInfo, PollWorkerSignUpReceipt } from '@wahl/contracts';
import { AppError } from '../../platform/errors/app-error';
import { RateLimits, type Limit } from '../../platform/rate-limits/rate-limits';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { PollWorkersRepository } from './poll-workers.repository';
import { PollWorkersService } from './poll-workers.service';

/** Sign-ups per client address and hour: enough for a family at one address, too few to flood the pool. */
const SIGN_UPS_PER_ADDRESS = 10;

/**
 * The public sign-up of volunteers (issue #14). The answer is the same whether the person was known
 * or not (no existence leak): a known person's wishes and consent are updated, a new one is added.
 */
@Injectable()
export class SignUpService {
  private readonly limit: Limit;

  constructor(
    private readonly repository: PollWorkersRepository,
    private readonly people: PollWorkersService,
    private readonly contexts: ElectionReadModel,
    limits: RateLimits,
  ) {
    this.limit = limits.define({ name: 'poll-worker-sign-up:address', points: SIGN_UPS_PER_ADDRESS, durationSeconds: 3600 });
  }

  async info(electionId: string, today: string = new Date().toISOString().slice(0, 10)): Promise<PollWorkerSignUpInfo> {
    const context = await this.contexts.load(electionId);
    if (!context || context.electionDay < today) throw new AppError('POLL_WORKER_SIGN_UP_CLOSED');
    return { electionName: context.name, electionDay: context.electionDay, municipalityName: context.municipality.name };
  }

  async signUp(electionId: string, body: PollWorkerSignUp, address: string): Promise<PollWorkerSignUpReceipt> {
    const reservation = await this.limit.reserve(address);
    if (!reservation.allowed) {
      throw new AppError('TOO_MANY_REQUESTS', 'Zu viele Anmeldungen von diesem Anschluss. Bitte versuchen Sie es später erneut.', [], {
        'Retry-After': String(reservation.retryAfterSeconds),
      });
    }
    await this.info(electionId);
    const context = (await this.contexts.load(electionId))!;
    const person = { ...body.person, source: 'sign-up' as const, chairExperience: body.chairExperience, note: '' };
    await this.repository.transaction(async (tx) => {
      const known = await this.people.findKnown(context.officeId, person);
      const personId = known ?? (await this.repository.insertPerson(tx, context.officeId, person));
      if (known) await this.repository.updatePerson(tx, context.officeId, known, person);
      await this.repository.upsertPoolEntry(tx, electionId, {
        personId,
        source: 'sign-up',
        availability: body.availability,
        wishDistrictId: null,
        wishColleagueId: null,
        wishColleagueName: body.colleagueName,
        wishFunction: null,
        declaredEligible: false,
      });
    });
    await this.people.recheck(context);
    return { received: true };
  }
}
