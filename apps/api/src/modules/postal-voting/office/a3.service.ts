import { Injectable } from '@nestjs/common';
import { A3_REASON_LABELS, checkA3Applicant, type A3Reason } from '@wahl/domain';
import type { A3ApplicationRequest, A3Entry } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { RollService, type A3EntryRow, type RollEntryRow } from '../../roll/roll.service';
import { renderCertificates } from '../documents/certificate-document';
import { PostalElectionService, type PostalDistrict } from '../shared/postal-election.service';
import { assertIssuingOpen, callerOf } from './issuing.service';

/**
 * A3 (BWO § 25(2)): a Wahlschein for a person entitled to vote but not in the roll. The office
 * records the application with its ground and proof, then issues the certificate under the
 * election's A3 series; the roll counts it in A3 of the district of the address.
 */
@Injectable()
export class A3Service {
  constructor(
    private readonly elections: PostalElectionService,
    private readonly roll: RollService,
  ) {}

  async apply(actor: Actor, electionId: string, body: A3ApplicationRequest, now: Date = new Date()): Promise<A3Entry> {
    const election = await this.elections.forActor(actor, electionId);
    assertIssuingOpen(election, now);
    const districts = await this.elections.districts(election);
    if (!districts.has(body.districtId)) {
      throw new AppError('VALIDATION_FAILED', 'Der Wahlbezirk gehört nicht zu dieser Wahl.', [
        { path: '$.districtId', message: 'Bitte einen Wahlbezirk dieser Wahl wählen.' },
      ]);
    }
    const bornThatDay = await this.roll.entriesBornOn(election.id, body.birthDate);
    const check = checkA3Applicant(
      body,
      bornThatDay.map((e) => ({
        familyName: e.family_name,
        givenNames: e.given_names,
        birthDate: e.birth_date,
        voterNumber: e.voter_number,
        districtNumber: districts.get(e.district_id)?.number ?? '',
      })),
    );
    if (!check.ok) throw new AppError('A3_PERSON_IN_ROLL', check.error.message);
    const row = await this.roll.recordA3({ electionId: election.id, ...body, createdBy: actor.username }, callerOf(actor));
    return toA3Entry(row, districts);
  }

  async list(actor: Actor, electionId: string): Promise<A3Entry[]> {
    const election = await this.elections.forActor(actor, electionId);
    const districts = await this.elections.districts(election);
    return (await this.roll.a3Entries(election.id)).map((row) => toA3Entry(row, districts));
  }

  async issue(actor: Actor, electionId: string, id: string, now: Date = new Date()): Promise<A3Entry> {
    const election = await this.elections.forActor(actor, electionId);
    assertIssuingOpen(election, now);
    const row = await this.roll.issueA3(election.id, id, callerOf(actor));
    return toA3Entry(row, await this.elections.districts(election));
  }

  /** The certificate of an issued A3 application, on the same layout as every Wahlschein. */
  async certificatePdf(actor: Actor, electionId: string, id: string): Promise<{ pdf: Buffer; fileName: string }> {
    const election = await this.elections.forActor(actor, electionId);
    const row = await this.roll.a3Entry(election.id, id);
    if (!row.certificate_number || !row.issued_at) throw notFound('Der Wahlschein');
    const pdf = await renderCertificates(election, await this.elections.districts(election), [
      {
        number: row.certificate_number,
        issuedAt: row.issued_at,
        issuedBy: row.issued_by_username ?? '',
        delivery: 'collection',
        deliveryAddress: null,
        representative: null,
        entry: asEntry(row),
        notInRoll: true,
      },
    ]);
    return { pdf, fileName: `wahlschein-${row.certificate_number}.pdf` };
  }
}

/** The person in the shape the certificate layout reads (no roll number: printed as not entered). */
function asEntry(row: A3EntryRow): RollEntryRow {
  return {
    voter_id: 0,
    district_id: row.district_id,
    voter_number: 0,
    person_id: '',
    family_name: row.family_name,
    given_names: row.given_names,
    birth_date: row.birth_date,
    street: row.street,
    house_number: row.house_number,
    postal_code: row.postal_code,
    city: row.city,
    information_block: false,
    status: 'active',
    removal_reason: null,
    remarks: null,
    postal_vote_certificate: row.certificate_number,
    postal_vote_marked_at: row.issued_at,
    added_after_build: false,
  };
}

function toA3Entry(row: A3EntryRow, districts: ReadonlyMap<string, PostalDistrict>): A3Entry {
  const district = districts.get(row.district_id);
  const reason = row.reason as A3Reason;
  return {
    id: row.id,
    name: `${row.given_names} ${row.family_name}`,
    birthDate: row.birth_date,
    address: `${row.street} ${row.house_number}, ${row.postal_code} ${row.city}`,
    district: { id: row.district_id, number: district?.number ?? '', name: district?.name ?? '' },
    reason,
    reasonLabel: A3_REASON_LABELS[reason],
    reasonNote: row.reason_note,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_username,
    certificateNumber: row.certificate_number,
    issuedAt: row.issued_at?.toISOString() ?? null,
  };
}
