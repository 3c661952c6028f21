import type { PostalApplication, PostalCertificate, PostalRepeatNotice, PostalVoter } from '@wahl/contracts';
import {
  applicationStateMessage,
  formatApplicationReference,
  INVALIDATION_REASON_LABELS,
  POSTAL_APPLICATION_CHANNEL_LABELS,
  POSTAL_APPLICATION_STATE_LABELS,
  POSTAL_DELIVERY_LABELS,
} from '@wahl/domain';
import type { RollEntryRow } from '../../roll/roll.service';
import type { ApplicationRow } from '../shared/applications.repository';
import type { CertificateRow } from '../shared/certificates.repository';
import { germanDay } from '../shared/german-format';
import type { RepeatNoticeRow } from '../shared/repeat-notices.repository';
import type { PostalDistrict } from '../shared/postal-election.service';

// What the office screens get (contract: PostalApplication, PostalCertificate): applications and
// certificates with the voter's roll entry (office staff only; these answers name persons).

export function voterView(entry: RollEntryRow | undefined, districts: ReadonlyMap<string, PostalDistrict>): PostalVoter | null {
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
): PostalApplication {
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
): PostalCertificate {
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

/** A repeat notice with what to tell the voter: that a further application arrived, and the state of theirs (R3.8). */
export function repeatNoticeView(
  row: RepeatNoticeRow,
  entry: RollEntryRow | undefined,
  districts: ReadonlyMap<string, PostalDistrict>,
): PostalRepeatNotice {
  const earlierReference = formatApplicationReference(row.earlier_serial);
  const state = applicationStateMessage({
    state: row.earlier_state,
    reference: earlierReference,
    delivery: row.earlier_delivery,
    receivedDay: germanDay(row.earlier_received_at),
    issuedDay: row.earlier_decided_at ? germanDay(row.earlier_decided_at) : null,
  });
  return {
    id: row.id,
    reference: formatApplicationReference(row.serial),
    receivedAt: row.received_at.toISOString(),
    channel: row.channel,
    channelLabel: POSTAL_APPLICATION_CHANNEL_LABELS[row.channel],
    requestedDelivery: row.requested_delivery,
    requestedDeliveryLabel: POSTAL_DELIVERY_LABELS[row.requested_delivery],
    withRepresentative: row.with_representative,
    earlier: {
      id: row.application_id,
      reference: earlierReference,
      state: row.earlier_state,
      stateLabel: POSTAL_APPLICATION_STATE_LABELS[row.earlier_state],
    },
    voter: voterView(entry, districts),
    message:
      `Am ${germanDay(row.received_at)} ist online ein weiterer Wahlscheinantrag auf Ihren Namen eingegangen (Nummer ${formatApplicationReference(row.serial)}). ` +
      `Es gilt nur ein Antrag. ${state} Haben Sie den weiteren Antrag nicht selbst gestellt, wenden Sie sich bitte an das Wahlamt.`,
    notifiedAt: row.notified_at?.toISOString() ?? null,
    notifiedBy: row.notified_by_username,
  };
}
