import { Injectable } from '@nestjs/common';
import {
  applicationStateMessage,
  formatApplicationReference,
  POSTAL_APPLICATION_STATE_LABELS,
  type PostalApplicationChannel,
} from '@wahl/domain';
import {
  MAX_AUTHORITY_BYTES,
  type PostalAddress,
  type PostalDelivery,
  type PostalRepresentative,
  type PostalStoredAddress,
  type PostalStoredRepresentative,
} from '@wahl/contracts';
import { createHash } from 'node:crypto';
import { Database } from '../../../platform/database/database';
import { AppError } from '../../../platform/errors/app-error';
import type { RollEntryRow } from '../../roll/roll.service';
import { ApplicationsRepository, type ApplicationRow, type NewApplication } from './applications.repository';
import { germanDay } from './german-format';
import type { PostalElection } from './postal-election.service';

export type Intake = {
  readonly election: PostalElection;
  readonly entry: RollEntryRow;
  readonly channel: PostalApplicationChannel;
  readonly receivedAt: Date;
  readonly enteredBy: string | null;
  readonly delivery: PostalDelivery;
  readonly representative: PostalRepresentative | undefined;
  readonly suddenIllness: boolean;
  readonly note: string | null;
};

const MAGIC: Readonly<Record<string, (bytes: Buffer) => boolean>> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

const storedAddress = (a: PostalAddress): PostalStoredAddress => ({
  ...(a.name ? { name: a.name } : {}),
  ...(a.addition ? { addition: a.addition } : {}),
  street: a.street,
  houseNumber: a.houseNumber,
  postalCode: a.postalCode,
  city: a.city,
  ...(a.country ? { country: a.country } : {}),
});

/** The 409 answer to a second application: the state of the first (R3.8). */
export function alreadyApplied(existing: ApplicationRow): AppError {
  const message = applicationStateMessage({
    state: existing.state,
    reference: formatApplicationReference(existing.serial),
    delivery: existing.delivery,
    receivedDay: germanDay(existing.received_at),
    issuedDay: existing.decided_at ? germanDay(existing.decided_at) : null,
  });
  return new AppError('POSTAL_ALREADY_APPLIED', message, [
    { path: '$', code: `already-${existing.state}`, message: POSTAL_APPLICATION_STATE_LABELS[existing.state] },
  ]);
}

/**
 * Stores an application of any channel: at most one live application per voter (the partial unique
 * index decides, also a race between two at once), the representative's authority document with it.
 */
@Injectable()
export class ApplicationIntakeService {
  constructor(
    private readonly db: Database,
    private readonly applications: ApplicationsRepository,
  ) {}

  async create(intake: Intake): Promise<{ id: string; serial: number }> {
    const outcome = await this.createUnlessLive(intake);
    if ('created' in outcome) return outcome.created;
    throw alreadyApplied(outcome.live);
  }

  /** As `create`, but a live application of the voter is returned instead of refused (the public form by name answers alike). */
  async createUnlessLive(intake: Intake): Promise<{ created: { id: string; serial: number } } | { live: ApplicationRow }> {
    const { election, entry } = intake;
    if (entry.status !== 'active') {
      throw new AppError(
        'POSTAL_VOTER_REMOVED',
        'Der Eintrag im Wählerverzeichnis ist gestrichen; ein Wahlschein kann nicht beantragt werden. Bitte wenden Sie sich an das Wahlamt.',
      );
    }
    const document = this.authorityDocument(intake.representative);
    const application: NewApplication = {
      electionId: election.id,
      officeId: election.officeId,
      voterId: entry.voter_id,
      districtId: entry.district_id,
      channel: intake.channel,
      receivedAt: intake.receivedAt,
      enteredBy: intake.enteredBy,
      delivery: intake.delivery.kind,
      deliveryAddress: intake.delivery.kind === 'other-address' ? storedAddress(intake.delivery.address) : null,
      representative: intake.representative
        ? ({
            name: intake.representative.name,
            address: storedAddress(intake.representative.address),
            authority: intake.representative.authority.kind,
          } satisfies PostalStoredRepresentative)
        : null,
      suddenIllness: intake.suddenIllness,
      note: intake.note,
    };
    // One statement on the hot path (the day the cards arrive); a transaction only with a document.
    const created = document
      ? await this.db.transaction(async (tx) => {
          const inserted = await this.applications.insertUnlessLive(tx, application);
          if (inserted) await this.applications.insertDocument(tx, inserted.id, document);
          return inserted;
        })
      : await this.applications.insertUnlessLive(this.db, application);
    if (created) return { created };
    const first = await this.applications.liveForVoter(this.db, election.id, entry.voter_id);
    if (!first) throw new AppError('POSTAL_APPLICATION_CHANGED', 'Der Antrag wurde gerade geändert; bitte senden Sie ihn noch einmal.');
    return { live: first };
  }

  /** BWO § 27(3): the uploaded written authority, checked to be the PDF or image it claims to be. */
  private authorityDocument(
    representative: PostalRepresentative | undefined,
  ): { fileName: string; contentType: string; content: Buffer; sha256: string } | null {
    if (representative?.authority.kind !== 'document') return null;
    const { fileName, contentType, dataBase64 } = representative.authority;
    const content = Buffer.from(dataBase64, 'base64');
    const path = '$.representative.authority.dataBase64';
    if (content.length > MAX_AUTHORITY_BYTES)
      throw new AppError('VALIDATION_FAILED', 'Die Vollmacht ist größer als 5 MB.', [{ path, message: 'Höchstens 5 MB.' }]);
    if (!MAGIC[contentType]?.(content)) {
      throw new AppError('VALIDATION_FAILED', 'Die hochgeladene Vollmacht ist keine lesbare PDF-, JPEG- oder PNG-Datei.', [
        { path, message: 'Dateiinhalt passt nicht zum Dateityp.' },
      ]);
    }
    return {
      fileName: fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_'),
      contentType,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
  }
}
