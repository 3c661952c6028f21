import { Injectable } from '@nestjs/common';
import type { PostalDayFigures, PostalFigures } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { PostalElectionService } from '../shared/postal-election.service';
import { RollService } from '../../roll/roll.service';
import { PostalFiguresRepository, type StoredDayFigures } from '../shared/postal-figures.repository';

/** The Briefwahlstelle's figures per day and the state of its queue now (counts only, no persons). */
@Injectable()
export class PostalFiguresService {
  constructor(
    private readonly elections: PostalElectionService,
    private readonly figures: PostalFiguresRepository,
    private readonly roll: RollService,
  ) {}

  async figuresOf(actor: Actor, electionId: string): Promise<PostalFigures> {
    const election = await this.elections.forActor(actor, electionId);
    const [stored, a3, current] = await Promise.all([
      this.figures.perDay(election.id),
      this.roll.a3IssuedPerDay(election.id),
      this.figures.current(election.id),
    ]);
    return { days: withA3(stored, a3), open: current.open, validCertificates: current.valid, invalidCertificates: current.invalid };
  }
}

/** The postal days with the A3 certificates of the same day added (a day with only A3 too), newest first. */
function withA3(stored: readonly StoredDayFigures[], a3: ReadonlyMap<string, number>): PostalDayFigures[] {
  const byDay = new Map(stored.map((day) => [day.day, day]));
  const days = [...new Set([...byDay.keys(), ...a3.keys()])].sort().reverse();
  return days.map((day) => {
    const figures = byDay.get(day) ?? EMPTY_DAY;
    const issuedByChannel = { ...figures.issuedByChannel, a3: a3.get(day) ?? 0 };
    const certificatesIssued = Object.values(issuedByChannel).reduce((sum, n) => sum + n, 0);
    return { ...figures, day, certificatesIssued, issuedByChannel };
  });
}

const EMPTY_DAY: StoredDayFigures = {
  day: '',
  applicationsReceived: 0,
  applicationsRejected: 0,
  issuedByChannel: { online: 0, paper: 0, representative: 0, counter: 0 },
  certificatesInvalidated: 0,
};
