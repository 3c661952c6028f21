import { Injectable, Logger } from '@nestjs/common';
import {
  formatApplicationReference,
  formatCertificateNumber,
  germanDeadline,
  INVALIDATION_REASON_LABELS,
  mayReplace,
  transitionApplication,
} from '@wahl/domain';
import {
  isUuid,
  type PostalCertificate,
  type PostalInvalidateOutcome,
  type PostalInvalidateRequest,
  type PostalIssueOutcome,
  type PostalIssueRequest,
} from '@wahl/contracts';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { RollService, type RollCaller } from '../../roll/roll.service';
import { ApplicationsRepository } from '../shared/applications.repository';
import { CertificatesRepository, type NewCertificate } from '../shared/certificates.repository';
import { Database } from '../../../platform/database/database';
import { PostalElectionService, type PostalElection } from '../shared/postal-election.service';
import { CertificateListsService } from './certificate-lists.service';

/** Wahlscheine are issued while the polls are open at the latest (election day, 18:00). */
export function assertIssuingOpen(election: PostalElection, now: Date): void {
  if (now.getTime() >= election.times.issuingClosesAt.getTime()) {
    throw new AppError('POSTAL_ISSUING_CLOSED', 'Die Wahlzeit ist vorbei; es werden keine Wahlscheine mehr erteilt.');
  }
}

/** RollCaller for the roll's audit: the clerk (user ids of board sessions are not users). */
export const callerOf = (actor: Actor): RollCaller => ({ userId: isUuid(actor.userId) ? actor.userId : null, username: actor.username });

/**
 * Issuing Wahlscheine (BWO § 28) in bulk: per application a certificate with the election's next
 * running number, the application marked issued and "W" set in the roll (R1.15), all in one
 * transaction, so A1/A2 of the district follow at once (R1.21/P2). Declaring a certificate invalid
 * (lost, not received …) with an optional replacement under a new number.
 */
@Injectable()
export class IssuingService {
  private readonly logger = new Logger(IssuingService.name);

  constructor(
    private readonly db: Database,
    private readonly elections: PostalElectionService,
    private readonly roll: RollService,
    private readonly applications: ApplicationsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly lists: CertificateListsService,
  ) {}

  /**
   * One chunk of a run; a given `batchId` continues an earlier chunk's run, so the whole run prints as
   * one batch (the batch PDFs read the election's certificates of that id only).
   */
  async issue(actor: Actor, electionId: string, request: PostalIssueRequest, now: Date = new Date()): Promise<PostalIssueOutcome> {
    const election = await this.elections.forActor(actor, electionId);
    assertIssuingOpen(election, now);
    const districts = await this.elections.districts(election);
    const batchId = request.batchId ?? randomUUID();
    const ids = [...new Set(request.applicationIds)];
    const outcome = await this.db.transaction(async (tx) => {
      let sequence = await this.certificates.lockNextSequence(tx, election.id);
      const rows = await this.applications.lock(tx, election.id, ids);
      const found = new Set(rows.map((r) => r.id));
      const skipped: { applicationId: string; reference: string | null; reason: string }[] = ids
        .filter((id) => !found.has(id))
        .map((id) => ({ applicationId: id, reference: null, reason: 'Antrag nicht gefunden.' }));
      const entries = new Map(
        (
          await this.roll.entriesOf(
            election.id,
            rows.map((r) => r.voter_id),
          )
        ).map((e) => [e.voter_id, e]),
      );
      const certificates: NewCertificate[] = [];
      const issued: { applicationId: string; reference: string; certificateId: string; number: string }[] = [];
      for (const row of rows) {
        const reference = formatApplicationReference(row.serial);
        const next = transitionApplication(row.state, { kind: 'issue' });
        const entry = entries.get(row.voter_id);
        const district = entry ? districts.get(entry.district_id) : undefined;
        const problem = !next.ok
          ? next.error.message
          : !entry || !district || entry.status !== 'active'
            ? 'Der Eintrag im Wählerverzeichnis ist gestrichen; bitte den Antrag ablehnen.'
            : entry.postal_vote_certificate
              ? `Im Wählerverzeichnis ist bereits ein Wahlschein vermerkt (Nr. ${entry.postal_vote_certificate}).`
              : null;
        if (problem) {
          skipped.push({ applicationId: row.id, reference, reason: problem });
          continue;
        }
        const certificate: NewCertificate = {
          id: randomUUID(),
          electionId: election.id,
          officeId: election.officeId,
          applicationId: row.id,
          voterId: row.voter_id,
          districtId: entry!.district_id,
          sequence,
          number: formatCertificateNumber(district!.number, sequence),
          issuedBy: actor.username,
          batchId,
          replacesId: null,
        };
        sequence += 1;
        certificates.push(certificate);
        issued.push({ applicationId: row.id, reference, certificateId: certificate.id, number: certificate.number });
      }
      await this.certificates.insertMany(tx, certificates);
      await this.applications.decide(
        tx,
        issued.map((i) => i.applicationId),
        'issued',
        actor.username,
      );
      await this.roll.markPostalVotesIn(
        tx,
        election.id,
        certificates.map((c) => ({ voterId: c.voterId, certificateNumber: c.number })),
        callerOf(actor),
      );
      return { batchId, issued, skipped };
    });
    if (outcome.issued.length > 0) await this.roll.announcePostalVotes(election.id);
    this.logger.log(
      `election ${election.id}: ${outcome.issued.length} certificates issued, ${outcome.skipped.length} skipped (batch ${batchId})`,
    );
    return outcome;
  }

  /**
   * Declares a certificate invalid; the voter keeps "W" (without the certificate no vote in person,
   * R1.15). With `replace` a new certificate gets the next number and the roll notes it; a lost one
   * is not replaced, and replacements end the day before the election at 12:00.
   */
  async invalidate(
    actor: Actor,
    electionId: string,
    certificateId: string,
    body: PostalInvalidateRequest,
    now: Date = new Date(),
  ): Promise<PostalInvalidateOutcome> {
    const election = await this.elections.forActor(actor, electionId);
    if (body.replace) {
      if (!mayReplace(body.reason)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Ein Wahlschein mit dem Grund „${INVALIDATION_REASON_LABELS[body.reason]}“ wird nicht ersetzt.`,
          [{ path: '$.replace', message: 'Verlorene Wahlscheine werden nicht ersetzt; nur bei glaubhaft versichertem Nichtzugang.' }],
        );
      }
      if (now.getTime() >= election.times.replacementClosesAt.getTime()) {
        throw new AppError(
          'POSTAL_REPLACEMENT_CLOSED',
          `Ersatz-Wahlscheine werden nur bis ${germanDeadline(election.times.replacementClosesAt)} erteilt.`,
        );
      }
    }
    const districts = await this.elections.districts(election);
    const replacementId = await this.db.transaction(async (tx) => {
      const sequence = await this.certificates.lockNextSequence(tx, election.id);
      const certificate = await this.certificates.byId(tx, election.id, certificateId, true);
      if (!certificate) throw notFound('Der Wahlschein');
      if (certificate.status !== 'valid')
        throw new AppError('CERTIFICATE_ALREADY_INVALID', `Der Wahlschein ${certificate.number} ist bereits für ungültig erklärt.`);
      await this.certificates.invalidate(tx, certificate.id, actor.username, body.reason, body.note ?? null);
      if (!body.replace) return null;
      const district = districts.get(certificate.district_id);
      if (!district) throw notFound('Der Wahlbezirk');
      assertIssuingOpen(election, now);
      const replacement: NewCertificate = {
        id: randomUUID(),
        electionId: election.id,
        officeId: election.officeId,
        applicationId: certificate.application_id,
        voterId: certificate.voter_id,
        districtId: certificate.district_id,
        sequence,
        number: formatCertificateNumber(district.number, sequence),
        issuedBy: actor.username,
        batchId: randomUUID(),
        replacesId: certificate.id,
      };
      await this.certificates.insertMany(tx, [replacement]);
      await this.roll.markPostalVotesIn(
        tx,
        election.id,
        [{ voterId: replacement.voterId, certificateNumber: replacement.number }],
        callerOf(actor),
      );
      return replacement.id;
    });
    if (replacementId) await this.roll.announcePostalVotes(election.id);
    const views = await this.lists.views(
      election,
      await this.certificates.byIds(election.id, [certificateId, ...(replacementId ? [replacementId] : [])]),
    );
    const find = (id: string | null): PostalCertificate | null => views.find((v) => v.id === id) ?? null;
    return { invalidated: find(certificateId)!, replacement: find(replacementId) };
  }
}
