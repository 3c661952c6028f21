import { Injectable } from '@nestjs/common';
import type {
  PostalApplicationStatus,
  PostalLinkApplicationRequest,
  PostalLinkLookupResponse,
  PostalLinkVerifyRequest,
  PostalNameApplicationRequest,
  PostalPublicElection,
  PostalReceipt,
  PostalVerifiedVoter,
} from '@wahl/contracts';
import {
  type ApplicantMatch,
  applicationStateMessage,
  findApplicant,
  formatApplicationReference,
  germanDeadline,
  POSTAL_APPLICATION_STATE_LABELS,
  POSTAL_DELIVERY_LABELS,
  SUDDEN_ILLNESS_CLOSING_HOUR,
} from '@wahl/domain';
import { timingSafeEqual } from 'node:crypto';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { hashCardToken } from '../../polling-cards/jobs/card-tokens';
import { PollingCardsService } from '../../polling-cards/polling-cards.service';
import { RollService, type RollEntryRow } from '../../roll/roll.service';
import { ApplicationIntakeService } from '../shared/application-intake.service';
import { ApplicationsRepository, type ApplicationRow } from '../shared/applications.repository';
import { germanDay } from '../shared/german-format';
import { RepeatNoticesRepository } from '../shared/repeat-notices.repository';
import { Database } from '../../../platform/database/database';
import { PostalElectionService, type PostalElection } from '../shared/postal-election.service';
import { AccessThrottleService } from './access-throttle.service';

const UNKNOWN_CODE =
  'Dieser Code ist ungültig oder wurde durch eine neuere Wahlbenachrichtigung ersetzt. Sie können den Antrag auch ohne Code stellen.';

/**
 * The public side of the application (R3.8): the card's link (a token of the polling-cards module's
 * store) identifies the voter without showing anything; the birth date, compared in constant time, unlocks the voter's own name and address; the
 * application closes at the legal deadline. Without a link, name, birth date and address must fit
 * exactly one roll entry. Every failed guess is counted (AccessThrottleService).
 */
@Injectable()
export class PublicApplicationService {
  constructor(
    private readonly db: Database,
    private readonly cards: PollingCardsService,
    private readonly throttle: AccessThrottleService,
    private readonly elections: PostalElectionService,
    private readonly roll: RollService,
    private readonly applications: ApplicationsRepository,
    private readonly intake: ApplicationIntakeService,
    private readonly notices: RepeatNoticesRepository,
  ) {}

  async openElections(now: Date = new Date()): Promise<PostalPublicElection[]> {
    return (await this.elections.openElections()).map((e) => publicElection(e, now));
  }

  /** Step 1 with the link: which election, and whether applications are open. Shows nothing of the voter. */
  async lookup(token: string, address: string, now: Date = new Date()): Promise<PostalLinkLookupResponse> {
    const { election, addressGuess } = await this.resolve(token, address);
    await addressGuess.release();
    return { election: publicElection(election, now) };
  }

  /** Step 2: the birth date matches; the voter sees their own entry and any earlier application. */
  async verify(body: PostalLinkVerifyRequest, address: string, now: Date = new Date()): Promise<PostalVerifiedVoter> {
    const { election, entry } = await this.verified(body.token, body.birthDate, address);
    const existing = await this.applications.liveForVoter(this.db, election.id, entry.voter_id);
    return {
      election: publicElection(election, now),
      voter: {
        name: `${entry.given_names} ${entry.family_name}`,
        addressLines: [`${entry.street} ${entry.house_number}`, `${entry.postal_code} ${entry.city}`],
      },
      application: existing ? applicationState(existing) : null,
    };
  }

  async applyWithLink(body: PostalLinkApplicationRequest, address: string, now: Date = new Date()): Promise<PostalReceipt> {
    const { election, entry } = await this.verified(body.token, body.birthDate, address);
    this.assertOpen(election, now);
    const created = await this.intake.create({
      election,
      entry,
      channel: 'online-link',
      receivedAt: now,
      enteredBy: null,
      delivery: body.delivery,
      representative: body.representative,
      suddenIllness: false,
      note: null,
    });
    return receipt(created.serial, now, body.delivery.kind);
  }

  /** Without the link: exactly one roll entry must fit name, birth date and address (never guessed). */
  async applyByName(body: PostalNameApplicationRequest, address: string, now: Date = new Date()): Promise<PostalReceipt> {
    const guess = await this.throttle.reserveForAddress(address, null, body.electionId);
    const match = await this.matchByName(body, now).catch(async (error: unknown) => {
      await guess.release();
      throw error;
    });
    const { election } = match;
    if (match.kind !== 'one') {
      await this.throttle.record(address, 'no-match', election.id, null);
      throw new AppError(
        'VALIDATION_FAILED',
        `Wir konnten Sie mit diesen Angaben nicht eindeutig im Wählerverzeichnis finden. Bitte prüfen Sie Name, Geburtsdatum und Anschrift, nehmen Sie den Code Ihrer Wahlbenachrichtigung oder wenden Sie sich an das Wahlamt${contactSuffix(election)}.`,
        [{ path: '$', code: 'no-unique-match', message: 'Kein eindeutiger Eintrag gefunden.' }],
      );
    }
    await guess.release();
    const outcome = await this.intake.createUnlessLive({
      election,
      entry: match.person.entry,
      channel: 'online-form',
      receivedAt: now,
      enteredBy: null,
      delivery: body.delivery,
      representative: body.representative,
      suddenIllness: false,
      note: null,
    });
    if ('created' in outcome) return receipt(outcome.created.serial, now, body.delivery.kind);
    // R3.8 allows one live application; a 409 with its number and dates would tell anyone who knows
    // name, birth date and street that this voter applied, and when (issue #17, 7). The answer is that
    // of a new application, with a number of its own; the office tells the voter by post or e-mail.
    const notice = await this.notices.insert(this.db, {
      electionId: election.id,
      officeId: election.officeId,
      applicationId: outcome.live.id,
      voterId: match.person.entry.voter_id,
      channel: 'online-form',
      requestedDelivery: body.delivery.kind,
      withRepresentative: body.representative !== undefined,
      receivedAt: now,
    });
    return receipt(notice.serial, now, body.delivery.kind);
  }

  /** The election and the roll entries that fit the birth date and the name (not yet decided whether exactly one). */
  private async matchByName(
    body: PostalNameApplicationRequest,
    now: Date,
  ): Promise<ApplicantMatch<ReturnType<typeof personOf> & { entry: RollEntryRow }> & { election: PostalElection }> {
    const election = await this.elections.forPublic(body.electionId);
    if (!election) throw notFound('Die Wahl');
    this.assertOpen(election, now);
    const candidates = (await this.roll.entriesBornOn(election.id, body.birthDate)).map((entry) => ({ ...personOf(entry), entry }));
    return { ...findApplicant(candidates, body), election };
  }

  /** The token's election and voter; the address's guess stays reserved for the caller to release once the whole guess was right. */
  private async resolve(
    token: string,
    address: string,
  ): Promise<{ election: PostalElection; voterId: number; tokenHash: Buffer; addressGuess: { release(): Promise<void> } }> {
    const tokenHash = Buffer.from(hashCardToken(token), 'hex');
    // Both in parallel: one round trip less for every visitor; the owner is used only once the guess is reserved.
    const [addressGuess, owner] = await Promise.all([
      this.throttle.reserveForAddress(address, tokenHash),
      this.cards.applicationTokenOwner(token),
    ]);
    const election = owner ? await this.elections.forPublic(owner.electionId) : null;
    if (!owner || !election) {
      await this.throttle.record(address, 'unknown-token', null, tokenHash);
      throw new AppError('NOT_FOUND', UNKNOWN_CODE);
    }
    return { election, voterId: owner.voterId, tokenHash, addressGuess };
  }

  private async verified(token: string, birthDate: string, address: string): Promise<{ election: PostalElection; entry: RollEntryRow }> {
    const { election, voterId, tokenHash, addressGuess } = await this.resolve(token, address);
    // The birth-date guess on this card is reserved before it is compared (issue #17).
    const tokenGuess = await this.throttle.reserveForToken(tokenHash, address, election.id).catch(async (error: unknown) => {
      await addressGuess.release();
      throw error;
    });
    const [entry] = await this.roll.entriesOf(election.id, [voterId]);
    if (!entry) {
      await Promise.all([addressGuess.release(), tokenGuess.release()]);
      throw new AppError('NOT_FOUND', UNKNOWN_CODE);
    }
    if (!sameDay(entry.birth_date, birthDate)) {
      await this.throttle.record(address, 'wrong-birth-date', election.id, tokenHash);
      throw new AppError('VALIDATION_FAILED', 'Das Geburtsdatum passt nicht zu diesem Code.', [
        { path: '$.birthDate', code: 'birth-date-mismatch', message: 'Das Geburtsdatum passt nicht zu diesem Code.' },
      ]);
    }
    await Promise.all([addressGuess.release(), tokenGuess.release()]);
    return { election, entry };
  }

  /** BWO § 27(4): online applications end at 18:00 on the deadline day; afterwards only the office (sudden illness). */
  private assertOpen(election: PostalElection, now: Date): void {
    if (now.getTime() < election.times.closesAt.getTime()) return;
    throw new AppError(
      'POSTAL_DEADLINE_PASSED',
      `Die Frist für Wahlscheinanträge ist am ${germanDeadline(election.times.closesAt)} abgelaufen. Bei nachgewiesener plötzlicher Erkrankung können Sie bis zum Wahltag, ${SUDDEN_ILLNESS_CLOSING_HOUR}:00 Uhr, einen Wahlschein im Wahlamt beantragen${contactSuffix(election)}.`,
      [{ path: '$', code: 'deadline-passed', message: 'Antragsfrist abgelaufen.' }],
    );
  }
}

/** Birth dates compared in constant time (both are `YYYY-MM-DD` once validated). */
function sameDay(stored: string, given: string): boolean {
  const a = Buffer.from(stored.padEnd(10, ' ').slice(0, 10), 'utf8');
  const b = Buffer.from(given.padEnd(10, ' ').slice(0, 10), 'utf8');
  return timingSafeEqual(a, b) && stored.length === given.length;
}

const personOf = (entry: RollEntryRow) => ({
  familyName: entry.family_name,
  givenNames: entry.given_names,
  birthDate: entry.birth_date,
  street: entry.street,
  houseNumber: entry.house_number,
  postalCode: entry.postal_code,
});

function contactSuffix(election: PostalElection): string {
  const contact = election.contact;
  if (!contact) return '';
  const parts = [
    contact.office,
    `${contact.address.street} ${contact.address.houseNumber}, ${contact.address.postalCode} ${contact.address.city}`,
    contact.phone,
    contact.email,
  ].filter(Boolean);
  return ` (${parts.join(', ')})`;
}

export function publicElection(election: PostalElection, now: Date): PostalPublicElection {
  const contact = election.contact;
  return {
    electionId: election.id,
    name: election.name,
    electionDay: election.electionDay,
    municipality: election.municipalityName,
    applicationsOpen: now.getTime() < election.times.closesAt.getTime(),
    deadline: election.times.closesAt.toISOString(),
    deadlineText: germanDeadline(election.times.closesAt),
    office: contact
      ? {
          name: contact.office,
          addressLines: [
            `${contact.address.street} ${contact.address.houseNumber}`,
            `${contact.address.postalCode} ${contact.address.city}`,
          ],
          phone: contact.phone ?? null,
          email: contact.email ?? null,
          website: contact.website ?? null,
        }
      : null,
  };
}

function applicationState(row: ApplicationRow): PostalApplicationStatus {
  const reference = formatApplicationReference(row.serial);
  return {
    reference,
    state: row.state,
    stateLabel: POSTAL_APPLICATION_STATE_LABELS[row.state],
    message: applicationStateMessage({
      state: row.state,
      reference,
      delivery: row.delivery,
      receivedDay: germanDay(row.received_at),
      issuedDay: row.decided_at ? germanDay(row.decided_at) : null,
    }),
  };
}

function receipt(serial: number, at: Date, delivery: keyof typeof POSTAL_DELIVERY_LABELS): PostalReceipt {
  const reference = formatApplicationReference(serial);
  return {
    reference,
    state: 'received',
    receivedAt: at.toISOString(),
    delivery: POSTAL_DELIVERY_LABELS[delivery],
    message: `Ihr Antrag ist eingegangen. Ihre Antragsnummer lautet ${reference}. Bitte notieren Sie sie für Rückfragen.`,
  };
}
