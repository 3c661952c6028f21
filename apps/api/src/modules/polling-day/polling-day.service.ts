import { Injectable } from '@nestjs/common';
import {
  DEFAULT_SILENT_AFTER_MINUTES,
  DEFAULT_TURNOUT_SLOTS,
  OFFICE_STAFF,
  type DistrictDay,
  type MonitorMessage,
  type PollingDayMonitor,
  type PollingDaySettings,
  type PublicTurnout,
  type SendOfficeMessageRequest,
  type SendPollingDayEntryRequest,
  type SentPollingDayEntry,
  type StationMessage,
} from '@wahl/contracts';
import { chooseTurnoutRelease, quorumRuleFor } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { canonicalJson } from '../audit/canonical-json';
import type { ElectionNightContext } from '../elections/read-model/election-night-context';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { PollingDayEvents } from './polling-day.events';
import { PollingDayRepository, type EntryRow, type MessageRow, type ReadRow } from './polling-day.repository';
import { stationOf, turnoutBySlot, turnoutSummaries } from './station-monitor';

export type SendResult = { readonly status: 200 | 201; readonly body: SentPollingDayEntry };

const isStaff = (actor: Actor): boolean => OFFICE_STAFF.includes(actor.role);

/**
 * The polling station's day (DOMAIN.md 7.2, 7.3): the board's entries (attendance, opening, turnout,
 * incidents) and the office's messages with read receipts, the office's settings, the monitor and the
 * publication of the turnout at a report time.
 */
@Injectable()
export class PollingDayService {
  constructor(
    private readonly repository: PollingDayRepository,
    private readonly elections: ElectionReadModel,
    private readonly events: PollingDayEvents,
  ) {}

  async settings(electionId: string): Promise<PollingDaySettings> {
    return (
      (await this.repository.settings(electionId)) ?? {
        turnoutSlots: [...DEFAULT_TURNOUT_SLOTS],
        silentAfterMinutes: DEFAULT_SILENT_AFTER_MINUTES,
        checkCodeRequired: false,
        previousTurnout: [],
      }
    );
  }

  async saveSettings(actor: Actor, electionId: string, settings: PollingDaySettings): Promise<PollingDaySettings> {
    await this.elections.forActor(actor, electionId);
    const sorted = { ...settings, turnoutSlots: [...settings.turnoutSlots].sort() };
    await this.repository.saveSettings(electionId, sorted);
    return sorted;
  }

  /** Stores a station's entry once: the same id again answers the stored entry (200), another entry under it is refused. */
  async sendEntry(actor: Actor, electionId: string, districtId: string, request: SendPollingDayEntryRequest): Promise<SendResult> {
    const { context, district } = await this.elections.districtForActor(actor, electionId, districtId);
    const { entry } = request;
    if (entry.kind === 'turnout') {
      if (district.kind !== 'polling') throw new AppError('POLLING_DAY_NOT_POLLING_DISTRICT');
      if (!(await this.settings(electionId)).turnoutSlots.includes(entry.slot)) throw new AppError('POLLING_DAY_UNKNOWN_SLOT');
    }
    const { row, created } = await this.repository.insertEntry({
      id: request.id,
      electionId,
      districtId,
      entry,
      savedAt: new Date(request.savedAt),
      sentById: actor.userId,
      sentByName: actor.username,
    });
    if (!created && (row.districtId !== districtId || canonicalJson(row.entry) !== canonicalJson(entry)))
      throw new AppError('POLLING_DAY_ID_REUSED');
    const receivedAt = row.receivedAt.toISOString();
    if (created)
      this.events.entry(context.officeId, {
        electionId,
        districtId,
        districtNumber: district.number,
        kind: entry.kind,
        id: row.id,
        receivedAt,
      });
    return { status: created ? 201 : 200, body: { id: row.id, kind: entry.kind, receivedAt, replayed: !created } };
  }

  async districtDay(actor: Actor, electionId: string, districtId: string): Promise<DistrictDay> {
    const { context, district } = await this.elections.districtForActor(actor, electionId, districtId);
    const [settings, entries, messages, reads] = await Promise.all([
      this.settings(electionId),
      this.repository.entries(electionId, districtId),
      this.repository.messages(electionId, districtId),
      this.repository.reads(electionId),
    ]);
    const readAt = (message: MessageRow): string | null =>
      reads.find((read) => read.messageId === message.id && read.districtId === districtId)?.readAt.toISOString() ?? null;
    return {
      districtId,
      districtNumber: district.number,
      districtKind: district.kind,
      quorumRule: quorumRuleFor(context.kind),
      settings,
      entries: entries.map((row) => ({
        id: row.id,
        savedAt: row.savedAt.toISOString(),
        receivedAt: row.receivedAt.toISOString(),
        sentBy: row.sentByName,
        entry: row.entry,
      })),
      messages: messages.map((message): StationMessage => ({
        id: message.id,
        text: message.text,
        sentAt: message.sentAt.toISOString(),
        toAll: message.districtId === null,
        readAt: readAt(message),
      })),
    };
  }

  async sendMessage(
    actor: Actor,
    electionId: string,
    request: SendOfficeMessageRequest,
  ): Promise<{ id: string; sentAt: string; replayed: boolean }> {
    const context = await this.elections.forActor(actor, electionId);
    if (request.districtId !== null && !context.districtById.has(request.districtId)) throw notFound('Der Wahlbezirk');
    const { row, created } = await this.repository.insertMessage(electionId, {
      id: request.id,
      districtId: request.districtId,
      text: request.text,
      sentByName: actor.username,
    });
    if (!created && (row.electionId !== electionId || row.districtId !== request.districtId || row.text !== request.text))
      throw new AppError('POLLING_DAY_ID_REUSED');
    return { id: row.id, sentAt: row.sentAt.toISOString(), replayed: !created };
  }

  /** A board member of the district has read the message: the receipt (first reading) goes to the office at once. */
  async markRead(actor: Actor, electionId: string, districtId: string, messageId: string): Promise<{ readAt: string }> {
    const { context, district } = await this.elections.districtForActor(actor, electionId, districtId);
    if (isStaff(actor)) throw new AppError('FORBIDDEN', 'Nur der Wahlvorstand des Bezirks bestätigt das Lesen einer Nachricht.');
    const read = await this.repository.markRead(electionId, messageId, districtId, actor.username);
    if (!read) throw notFound('Die Nachricht');
    const readAt = read.readAt.toISOString();
    if (read.created)
      this.events.messageRead(context.officeId, { electionId, messageId, districtId, districtNumber: district.number, readAt });
    return { readAt };
  }

  async acknowledgeIncident(actor: Actor, electionId: string, entryId: string): Promise<void> {
    await this.elections.forActor(actor, electionId);
    if (!(await this.repository.acknowledgeIncident(electionId, entryId))) throw notFound('Das Vorkommnis');
  }

  async monitor(actor: Actor, electionId: string, now = new Date()): Promise<PollingDayMonitor> {
    const context = await this.elections.forActor(actor, electionId);
    const [settings, entries, states, messages, reads, publications] = await Promise.all([
      this.settings(electionId),
      this.repository.entries(electionId),
      this.repository.reportStates(electionId),
      this.repository.messages(electionId),
      this.repository.reads(electionId),
      this.repository.publications(electionId),
    ]);
    const byDistrict = groupByDistrict(entries);
    const numberOf = (districtId: string): string => context.districtById.get(districtId)?.number ?? '';
    return {
      now: now.toISOString(),
      settings,
      stations: context.districts.map((district) =>
        stationOf(
          district,
          byDistrict.get(district.id) ?? [],
          states.get(district.id) ?? 'missing',
          now,
          settings.silentAfterMinutes,
          quorumRuleFor(context.kind),
        ),
      ),
      turnout: turnoutSummaries(settings.turnoutSlots, pollingDistricts(context), byDistrict, publications),
      incidents: entries
        .flatMap((row) => (row.entry.kind === 'incident' ? [{ row, incident: row.entry }] : []))
        .map(({ row, incident }) => ({
          id: row.id,
          districtId: row.districtId,
          districtNumber: numberOf(row.districtId),
          occurredAt: incident.occurredAt,
          text: incident.text,
          receivedAt: row.receivedAt.toISOString(),
          acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
        }))
        .reverse(),
      messages: messages.map((message) => monitorMessage(message, reads, context, numberOf)),
    };
  }

  /** What the office has published of the turnout (public: urn voters of the municipality, no district). */
  async publicTurnout(electionId: string): Promise<PublicTurnout> {
    const context = await this.elections.load(electionId);
    if (!context) throw notFound('Die Wahl');
    const [publications, settings, certificates] = await Promise.all([
      this.repository.publications(electionId),
      this.settings(electionId),
      this.repository.validCertificates(electionId),
    ]);
    const previous = new Map(settings.previousTurnout.map((row) => [row.slot, row.percent]));
    return {
      electionId,
      municipalityName: context.municipality.name,
      postalCertificates: certificates,
      reports: publications.map((row) => ({
        slot: row.slot,
        voters: row.voters,
        eligible: row.eligible,
        reportedDistricts: row.reportedDistricts,
        expectedDistricts: row.expectedDistricts,
        publishedAt: row.publishedAt.toISOString(),
        previousPercent: previous.get(row.slot) ?? null,
      })),
    };
  }

  /**
   * Publishes the municipality's urn turnout at a report time as it stands (again later: the newer
   * figure). Each version is a release (R8.7): a station whose figure alone would make the difference
   * to an earlier version while it is small (R8.5) is held back until another one enters with it.
   */
  async publishTurnout(actor: Actor, electionId: string, slot: string): Promise<PollingDayMonitor> {
    const context = await this.elections.forActor(actor, electionId);
    const settings = await this.settings(electionId);
    if (!settings.turnoutSlots.includes(slot)) throw new AppError('POLLING_DAY_UNKNOWN_SLOT');
    const byDistrict = groupByDistrict(await this.repository.entries(electionId));
    const polling = pollingDistricts(context);
    const reports = polling.flatMap((district) => {
      const counts = turnoutBySlot(byDistrict.get(district.id) ?? []).get(slot);
      return counts ? [{ districtId: district.id, voters: counts.marked + counts.certificates }] : [];
    });
    if (reports.length === 0) throw new AppError('POLLING_DAY_NOTHING_TO_PUBLISH');
    const eligible = await this.repository.eligibleByDistrict(
      electionId,
      reports.map((report) => report.districtId),
    );
    const stations = reports.map((report) => ({ ...report, eligible: eligible?.get(report.districtId) ?? null }));
    const published = (await this.repository.publications(electionId)).find((row) => row.slot === slot);
    const release = chooseTurnoutRelease(published?.memberVersions ?? [], stations);
    const members = new Set(release.members);
    if (members.size === 0 || (release.heldBack.length > 0 && sameMembers(members, published?.memberVersions.at(-1) ?? [])))
      throw new AppError(
        'POLLING_DAY_TURNOUT_HELD',
        `Die Wahlbeteiligung ${slot} Uhr bleibt, wie sie veröffentlicht ist: ${release.heldBack.length} gemeldete(s) Wahllokal(e) ` +
          'ließe(n) sich sonst als Differenz einzeln ablesen, solange es klein ist (R8.5/R8.7). Es wird mit dem nächsten meldenden Wahllokal veröffentlicht.',
      );
    const included = stations.filter((station) => members.has(station.districtId));
    await this.repository.publish(
      electionId,
      {
        slot,
        voters: sum(included.map((station) => station.voters)),
        eligible: eligible ? sum(included.map((station) => station.eligible ?? 0)) : null,
        reportedDistricts: included.length,
        expectedDistricts: polling.length,
        members: release.members,
      },
      actor.username,
    );
    return this.monitor(actor, electionId);
  }
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

const sameMembers = (members: ReadonlySet<string>, previous: readonly string[]): boolean =>
  members.size === previous.length && previous.every((id) => members.has(id));

const pollingDistricts = (context: ElectionNightContext) => context.districts.filter((district) => district.kind === 'polling');

function groupByDistrict(entries: readonly EntryRow[]): Map<string, EntryRow[]> {
  const byDistrict = new Map<string, EntryRow[]>();
  for (const row of entries) {
    const rows = byDistrict.get(row.districtId);
    if (rows) rows.push(row);
    else byDistrict.set(row.districtId, [row]);
  }
  return byDistrict;
}

function monitorMessage(
  message: MessageRow,
  reads: readonly ReadRow[],
  context: ElectionNightContext,
  numberOf: (districtId: string) => string,
): MonitorMessage {
  const readBy = reads.filter((read) => read.messageId === message.id).map((read) => numberOf(read.districtId));
  return {
    id: message.id,
    districtId: message.districtId,
    districtNumber: message.districtId ? numberOf(message.districtId) : null,
    text: message.text,
    sentAt: message.sentAt.toISOString(),
    sentBy: message.sentByName,
    readBy: readBy.sort(),
    expectedReads: message.districtId ? 1 : context.districts.length,
  };
}
