import { Injectable } from '@nestjs/common';
import type { PostalFigures } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { PostalElectionService } from '../shared/postal-election.service';
import { PostalFiguresRepository } from '../shared/postal-figures.repository';

/** The Briefwahlstelle's figures per day and the state of its queue now (counts only, no persons). */
@Injectable()
export class PostalFiguresService {
  constructor(
    private readonly elections: PostalElectionService,
    private readonly figures: PostalFiguresRepository,
  ) {}

  async figuresOf(actor: Actor, electionId: string): Promise<PostalFigures> {
    const election = await this.elections.forActor(actor, electionId);
    const [days, current] = await Promise.all([this.figures.perDay(election.id), this.figures.current(election.id)]);
    return { days, open: current.open, validCertificates: current.valid, invalidCertificates: current.invalid };
  }
}
