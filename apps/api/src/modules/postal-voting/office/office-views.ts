import {
  formatApplicationReference,
  INVALIDATION_REASON_LABELS,
  POSTAL_APPLICATION_CHANNEL_LABELS,
  POSTAL_APPLICATION_STATE_LABELS,
  POSTAL_DELIVERY_LABELS,
} from '@wahl/domain';
import type { RollEntryRow } from '../../roll/roll.service';
import type { StoredAddress } from '../entities/postal-application.entity';
import type { ApplicationRow } from '../shared/applications.repository';
import type { CertificateRow } from '../shared/certificates.repository';
import type { PostalDistrict } from '../shared/postal-election.service';

// What the office screens get: applications and certificates with the voter's roll entry (office
// staff only; these answers name persons and are never public).

export type VoterView = {
  readonly voterId: number;
  readonly name: string;
  readonly birthDate: string;
  readonly address: string;
  readonly districtId: string;
  readonly districtNumber: string;
  readonly voterNumber: number;
  readonly status: 'active' | 'removed';
  /** R1.15: the certificate number noted in the roll ("W"), if any. */
  readonly postalVoteMark: string | null;
};

export type ApplicationView = {
  readonly id: string;
  readonly reference: string;
  readonly state: ApplicationRow['state'];
  readonly stateLabel: string;
  readonly channel: ApplicationRow['channel'];
  readonly channelLabel: string;
  readonly receivedAt: string;
  readonly enteredBy: string | null;
  readonly voter: VoterView | null;
  readonly delivery: ApplicationRow['delivery'];
  readonly deliveryLabel: string;
  readonly deliveryAddress: StoredAddress | null;
  readonly representative: (NonNullable<ApplicationRow['representative']> & { readonly hasDocument: boolean }) | null;
  readonly suddenIllness: boolean;
  readonly note: string | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly rejectionReason: string | null;
  readonly certificate: { readonly id: string; readonly number: string; readonly status: 'valid' | 'invalid' } | null;
};

export type CertificateView = {
  readonly id: string;
  readonly number: string;
  readonly status: CertificateRow['status'];
  readonly statusLabel: string;
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly batchId: string;
  readonly applicationId: string;
  readonly applicationReference: string;
  readonly voter: VoterView | null;
  readonly delivery: CertificateRow['delivery'];
  readonly deliveryLabel: string;
  readonly replacesNumber: string | null;
  readonly replacedByNumber: string | null;
  readonly invalidatedAt: string | null;
  readonly invalidatedBy: string | null;
  readonly invalidReason: CertificateRow['invalid_reason'];
  readonly invalidReasonLabel: string | null;
  readonly invalidNote: string | null;
};

export function voterView(entry: RollEntryRow | undefined, districts: ReadonlyMap<string, PostalDistrict>): VoterView | null {
  if (!entry) return null;
  return {
    voterId: entry.voter_id,
    name: `${entry.family_name}, ${entry.given_names}`,
    birthDate: entry.birth_date,
    address: `${entry.street} ${entry.house_number}, ${entry.postal_code} ${entry.city}`,
    districtId: entry.district_id,
    districtNumber: districts.get(entry.district_id)?.number ?? '',
    voterNumber: entry.voter_number,
    status: entry.status,
    postalVoteMark: entry.postal_vote_certificate,
  };
}

export function applicationView(
  row: ApplicationRow,
  entry: RollEntryRow | undefined,
  districts: ReadonlyMap<string, PostalDistrict>,
): ApplicationView {
  return {
    id: row.id,
    reference: formatApplicationReference(row.serial),
    state: row.state,
    stateLabel: POSTAL_APPLICATION_STATE_LABELS[row.state],
    channel: row.channel,
    channelLabel: POSTAL_APPLICATION_CHANNEL_LABELS[row.channel],
    receivedAt: row.received_at.toISOString(),
    enteredBy: row.entered_by_username,
    voter: voterView(entry, districts),
    delivery: row.delivery,
    deliveryLabel: POSTAL_DELIVERY_LABELS[row.delivery],
    deliveryAddress: row.delivery_address,
    representative: row.representative ? { ...row.representative, hasDocument: row.has_document } : null,
    suddenIllness: row.sudden_illness,
    note: row.note,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by_username,
    rejectionReason: row.rejection_reason,
    certificate: row.certificate_id ? { id: row.certificate_id, number: row.certificate_number!, status: row.certificate_status! } : null,
  };
}

export function certificateView(
  row: CertificateRow,
  entry: RollEntryRow | undefined,
  districts: ReadonlyMap<string, PostalDistrict>,
): CertificateView {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    statusLabel: row.status === 'valid' ? 'Gültig' : 'Für ungültig erklärt',
    issuedAt: row.issued_at.toISOString(),
    issuedBy: row.issued_by_username,
    batchId: row.batch_id,
    applicationId: row.application_id,
    applicationReference: formatApplicationReference(row.application_serial),
    voter: voterView(entry, districts),
    delivery: row.delivery,
    deliveryLabel: POSTAL_DELIVERY_LABELS[row.delivery],
    replacesNumber: row.replaces_number,
    replacedByNumber: row.replaced_by_number,
    invalidatedAt: row.invalidated_at?.toISOString() ?? null,
    invalidatedBy: row.invalidated_by_username,
    invalidReason: row.invalid_reason,
    invalidReasonLabel: row.invalid_reason ? INVALIDATION_REASON_LABELS[row.invalid_reason] : null,
    invalidNote: row.invalid_note,
  };
}
