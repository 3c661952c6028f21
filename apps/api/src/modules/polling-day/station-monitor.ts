import type { DistrictState, MonitorStation, PollingDayEntryBody, TurnoutSlotSummary } from '@wahl/contracts';
import { checkBoardQuorum, type QuorumRule } from '@wahl/domain';
import type { NightDistrict } from '../elections/read-model/election-night-context';
import type { EntryRow, PublicationRow } from './polling-day.repository';

// The monitor's view of the stations, computed from the stored entries (pure, unit-tested).

type Entry<K extends PollingDayEntryBody['kind']> = EntryRow & { readonly entry: Extract<PollingDayEntryBody, { kind: K }> };

const ofKind = <K extends PollingDayEntryBody['kind']>(entries: readonly EntryRow[], kind: K): Entry<K>[] =>
  entries.filter((row): row is Entry<K> => row.entry.kind === kind);

const latest = <T extends EntryRow>(rows: readonly T[]): T | null => rows.at(-1) ?? null;

/** The latest report per time (a station may correct its figure by sending again). */
export function turnoutBySlot(entries: readonly EntryRow[]): Map<string, { marked: number; certificates: number }> {
  const bySlot = new Map<string, { marked: number; certificates: number }>();
  for (const row of ofKind(entries, 'turnout'))
    bySlot.set(row.entry.slot, { marked: row.entry.marked, certificates: row.entry.certificates });
  return bySlot;
}

export function stationOf(
  district: NightDistrict,
  entries: readonly EntryRow[],
  quickReport: DistrictState,
  now: Date,
  silentAfterMinutes: number,
  quorumRule: QuorumRule = 'federal',
): MonitorStation {
  const lastContact = latest(entries)?.receivedAt ?? null;
  const attendance = latest(ofKind(entries, 'attendance'));
  const opening = latest(ofKind(entries, 'opening'));
  const quorum = attendance ? checkBoardQuorum(attendance.entry.members, attendance.entry.phase, quorumRule) : null;
  const turnout = Object.fromEntries([...turnoutBySlot(entries)].map(([slot, counts]) => [slot, counts.marked + counts.certificates]));
  return {
    districtId: district.id,
    number: district.number,
    name: district.name,
    kind: district.kind,
    lastContactAt: lastContact?.toISOString() ?? null,
    silent: !lastContact || now.getTime() - lastContact.getTime() > silentAfterMinutes * 60_000,
    attendance:
      attendance && quorum
        ? {
            phase: attendance.entry.phase,
            present: quorum.present,
            substitutes: attendance.entry.members.filter((member) => member.substitute).length,
            quorumMet: quorum.met,
            receivedAt: attendance.receivedAt.toISOString(),
          }
        : null,
    openedAt: opening?.entry.openedAt ?? null,
    turnout,
    openIncidents: ofKind(entries, 'incident').filter((row) => row.acknowledgedAt === null).length,
    quickReport,
  };
}

/**
 * The municipality's turnout per report time over the polling districts that reported it (R7.12:
 * urn voters = Stimmabgabevermerke + Wahlscheine taken; postal voters are not in it).
 */
export function turnoutSummaries(
  slots: readonly string[],
  pollingDistricts: readonly NightDistrict[],
  entriesByDistrict: ReadonlyMap<string, readonly EntryRow[]>,
  publications: readonly PublicationRow[],
): TurnoutSlotSummary[] {
  const reportsByDistrict = pollingDistricts.map((district) => turnoutBySlot(entriesByDistrict.get(district.id) ?? []));
  return slots.map((slot) => {
    const reports = reportsByDistrict.flatMap((bySlot) => (bySlot.has(slot) ? [bySlot.get(slot)!] : []));
    const published = publications.find((publication) => publication.slot === slot);
    return {
      slot,
      reported: reports.length,
      expected: pollingDistricts.length,
      marked: reports.reduce((sum, report) => sum + report.marked, 0),
      certificates: reports.reduce((sum, report) => sum + report.certificates, 0),
      publishedAt: published?.publishedAt.toISOString() ?? null,
    };
  });
}
