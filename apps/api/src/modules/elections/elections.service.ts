import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import type { CreateElectionRequest, DefinitionImportPreview, DefinitionImportRequest, PollingStationEdit } from '@wahl/contracts';
import {
  conflictingChanges,
  draftFromPrevious,
  withArea,
  withContestHead,
  withDistrict,
  withList,
  withoutArea,
  withoutPollingStation,
  withoutStreet,
  withPollingStation,
  withStreet,
  type Area,
  type ChangeConflict,
  type ContestHead,
  type Dependent,
  type Edited,
  type Street,
  emptyDraft,
  validateElectionDefinition,
  type ContestList,
  type District,
  type ElectionDefinition,
  type PreviousElection,
  type ValidationMode,
} from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { assertSameOffice } from '../../platform/auth/tenancy';
import { Database } from '../../platform/database/database';
import { AppError, notFound } from '../../platform/errors/app-error';
import type { AuditEvent } from '../audit/audit-chain';
import { auditActor, AuditService } from '../audit/audit.service';
import { OfficesService } from '../identity/offices.service';
import { definitionToRows, rowIdsOf, rowsToDefinition } from './election-definition.mapper';
import { toElectionSummary, type ElectionSummary } from './dtos/election-summary.dto';
import type { ElectionEntity } from './entities/election.entity';
import { ElectionDefinitionChanged } from './elections.events';
import { ElectionsRepository } from './elections.repository';
import { applyImport, countsOf, hasErrors } from './imports/definition-import';
import { ElectionReadModel } from './read-model/election-read-model.service';

const ELECTION = 'Die Wahl';

@Injectable()
export class ElectionsService {
  private readonly logger = new Logger(ElectionsService.name);

  constructor(
    private readonly database: Database,
    private readonly repository: ElectionsRepository,
    private readonly offices: OfficesService,
    private readonly audit: AuditService,
    private readonly readModel: ElectionReadModel,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Validates and stores a definition for an office, all or nothing. Also called by the demo
   * seeder. Fails with VALIDATION_FAILED listing every error with its JSON path. With an actor the
   * creation is written to the election's audit log in the same transaction. Once committed it is
   * announced (ElectionDefinitionChanged), so that the publisher is ready before the first report.
   */
  async importDefinition(
    officeId: string,
    document: unknown,
    options: ValidationMode & { readonly actor?: Actor; readonly source?: object } = {},
  ): Promise<{ id: string }> {
    const office = await this.offices.findById(officeId);
    const validated = validateElectionDefinition(document, options);
    if (!validated.ok) {
      const count = validated.error.length;
      throw new AppError(
        'VALIDATION_FAILED',
        count === 1 ? 'Die Wahldefinition enthält einen Fehler.' : `Die Wahldefinition enthält ${count} Fehler.`,
        validated.error,
      );
    }
    const definition = validated.value;
    // An office imports only its own elections.
    if (definition.municipality.ags !== office.ags) {
      throw new AppError('ELECTION_DEFINITION_WRONG_MUNICIPALITY', 'Die Wahldefinition gehört zu einer anderen Gemeinde.', [
        {
          path: '$.municipality.ags',
          message: `Der Gemeindeschlüssel ${definition.municipality.ags} ist nicht der Ihres Wahlamts „${office.name}“ (${office.ags}). Ein Wahlamt importiert nur Wahlen seiner eigenen Gemeinde.`,
        },
      ]);
    }
    const rows = definitionToRows(officeId, definition);
    const { actor } = options;
    await this.database.transaction(async (tx) => {
      await this.repository.insert(tx, rows);
      if (actor) await this.audit.record(tx, rows.election.id, [createdEvent(actor, definition, options.source ?? { from: 'document' })]);
    });
    if (actor) this.audit.scheduleSeal(rows.election.id);
    this.events.emit(ElectionDefinitionChanged.event, new ElectionDefinitionChanged(rows.election.id));
    this.logger.log(`election ${rows.election.id} (${definition.kind} ${definition.electionDay}) imported for office ${officeId}`);
    return { id: rows.election.id };
  }

  async create(actor: Actor, document: unknown): Promise<ElectionSummary> {
    if (!actor.officeId) throw new AppError('FORBIDDEN', 'Nur Mitarbeitende eines Wahlamts können Wahlen anlegen.');
    const { id } = await this.importDefinition(actor.officeId, document, { actor });
    return this.getForOffice(actor, id);
  }

  /**
   * Creates an election from the office's form: empty, or with the districts, stations, street
   * directory and lists of a previous election of the same office. The result is a draft (no district
   * or contest needed yet); every other rule of the definition holds.
   */
  async createFromForm(actor: Actor, request: CreateElectionRequest): Promise<ElectionSummary> {
    if (!actor.officeId) throw new AppError('FORBIDDEN', 'Nur Mitarbeitende eines Wahlamts können Wahlen anlegen.');
    const head = { kind: request.kind, name: request.name, electionDay: request.electionDay, deadlines: request.deadlines };
    let draft: ElectionDefinition;
    if (request.source.from === 'election') {
      draft = draftFromPrevious(head, await this.getDefinition(actor, request.source.electionId));
    } else {
      const office = await this.offices.findById(actor.officeId);
      draft = emptyDraft(head, { ags: office.ags, name: office.name });
    }
    const { id } = await this.importDefinition(actor.officeId, draft, { draft: true, actor, source: request.source });
    return this.getForOffice(actor, id);
  }

  async list(actor: Actor): Promise<ElectionSummary[]> {
    if (!actor.officeId) return [];
    const elections = await this.repository.listByOffice(actor.officeId);
    const counts = await this.repository.countsFor(elections.map((e) => e.id));
    return elections.map((e) => toElectionSummary(e, counts.get(e.id)));
  }

  /** The election if it belongs to the caller's office; otherwise NOT_FOUND (never FORBIDDEN, so ids cannot be probed). */
  async getForOffice(actor: Actor, id: string): Promise<ElectionSummary> {
    const election = await this.findForOffice(actor, id);
    const counts = await this.repository.countsFor([election.id]);
    return toElectionSummary(election, counts.get(election.id));
  }

  async getDefinition(actor: Actor, id: string): Promise<ElectionDefinition> {
    const election = await this.findForOffice(actor, id);
    return rowsToDefinition(await this.repository.load(election));
  }

  /**
   * Replaces the previous election (name, day, results per district and for the municipality) of an
   * election of the caller's office, all or nothing. Areas are district numbers or `municipality`;
   * contests are the election's contest keys; votes keep their list keys.
   */
  async replacePreviousElection(actor: Actor, id: string, previous: PreviousElection): Promise<{ readonly results: number }> {
    const election = await this.findForOffice(actor, id);
    const keys = await this.repository.keysOf(election.id);
    const errors = previous.results.flatMap((result, index) => [
      ...(result.area === 'municipality' || keys.districts.has(result.area)
        ? []
        : [{ path: `$.results[${index}].area`, message: `Wahlbezirk ${result.area} gibt es in dieser Wahl nicht.` }]),
      ...(keys.contests.has(result.contest)
        ? []
        : [{ path: `$.results[${index}].contest`, message: `Die Stimme „${result.contest}“ gibt es in dieser Wahl nicht.` }]),
    ]);
    if (errors.length > 0)
      throw new AppError('PREVIOUS_ELECTION_MISMATCH', 'Die Ergebnisse der Vorwahl passen nicht zu dieser Wahl.', errors);
    const rows = previous.results.map((result, ordinal) => ({
      id: randomUUID(),
      electionId: election.id,
      ordinal,
      districtId: result.area === 'municipality' ? null : keys.districts.get(result.area)!,
      contestId: keys.contests.get(result.contest)!,
      eligible: result.eligible ?? null,
      voters: result.voters ?? null,
      invalid: result.invalid,
      valid: result.valid,
      votes: { ...result.votes },
    }));
    await this.database.transaction((tx) => this.repository.replacePreviousResults(tx, election.id, previous, rows));
    this.logger.log(`previous election of ${election.id} replaced (${rows.length} result rows)`);
    return { results: rows.length };
  }

  /** What an import would do to the election: counts before and after, a few names, every problem by line and field. Stores nothing. */
  async previewImport(actor: Actor, id: string, request: DefinitionImportRequest): Promise<DefinitionImportPreview> {
    const before = await this.getDefinition(actor, id);
    const outcome = applyImport(before, request);
    return {
      kind: request.kind,
      before: countsOf(before),
      after: countsOf(outcome.next),
      samples: outcome.samples,
      problems: outcome.problems,
      canApply: !hasErrors(outcome.problems),
    };
  }

  /**
   * Applies an import in one transaction, or nothing: refused while the file has errors, and once the
   * roll is built, cards are printed or results are entered (their rows point at the districts). Audited.
   */
  async applyImport(actor: Actor, id: string, request: DefinitionImportRequest): Promise<ElectionSummary> {
    return this.changeDefinition(actor, id, (before) => {
      const outcome = applyImport(before, request);
      const errors = outcome.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        throw new AppError(
          'ELECTION_IMPORT_INVALID',
          `Die Datei enthält ${errors.length === 1 ? 'einen Fehler' : `${errors.length} Fehler`}; es wurde nichts gespeichert.`,
          errors.map((p) => ({
            path: p.line > 0 ? '$.csv' : (p.field ?? '$'),
            message: p.line > 0 ? `Zeile ${p.line}${p.field ? `, Spalte ${p.field}` : ''}: ${p.message}` : p.message,
          })),
        );
      }
      const audit = { kind: request.kind, fileName: request.fileName ?? null, before: countsOf(before), after: countsOf(outcome.next) };
      return { next: outcome.next, action: 'election.imported', audit };
    });
  }

  /** Replaces one district (by its number) with the edited one; the whole definition's rules apply. */
  updateDistrict(actor: Actor, id: string, number: string, district: District): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'district.updated', (doc) => withDistrict(doc, number, district), { number });
  }

  /** Replaces or adds one list of a contest (names, colour, position, candidates in their order). */
  updateList(actor: Actor, id: string, contestId: string, listId: string, list: ContestList): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'list.updated', (doc) => withList(doc, contestId, listId, list), { contest: contestId, list: listId });
  }

  /** Replaces or adds a polling station and sets the polling districts that vote there. */
  updatePollingStation(actor: Actor, id: string, key: string, request: PollingStationEdit): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'polling-station.updated', (doc) => withPollingStation(doc, key, request.station, request.districts), {
      station: key,
    });
  }

  updateArea(actor: Actor, id: string, key: string, area: Area): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'area.updated', (doc) => withArea(doc, key, area), { area: key });
  }

  updateContest(actor: Actor, id: string, contestId: string, head: ContestHead): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'contest.updated', (doc) => withContestHead(doc, contestId, head), { contest: contestId });
  }

  updateStreet(actor: Actor, id: string, key: string, street: Street): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'street.updated', (doc) => withStreet(doc, key, street), { street: key });
  }

  deletePollingStation(actor: Actor, id: string, key: string): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'polling-station.deleted', (doc) => withoutPollingStation(doc, key), { station: key });
  }

  deleteArea(actor: Actor, id: string, key: string): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'area.deleted', (doc) => withoutArea(doc, key), { area: key });
  }

  deleteStreet(actor: Actor, id: string, key: string): Promise<ElectionSummary> {
    return this.editPart(actor, id, 'street.deleted', (doc) => withoutStreet(doc, key), { street: key });
  }

  /** One part edited: put into the definition by the domain's edit, the whole checked, audited with old and new part. */
  private editPart(
    actor: Actor,
    id: string,
    action: string,
    edit: (before: ElectionDefinition) => Edited,
    part: Readonly<Record<string, string>>,
  ): Promise<ElectionSummary> {
    return this.changeDefinition(actor, id, (before) => {
      const edited = edit(before);
      if (!edited.ok) throw new AppError('VALIDATION_FAILED', 'Die Änderung passt nicht zu dieser Wahl.', edited.error);
      const next = checked(edited.value);
      return { next, action, audit: { ...part, ...partsChanged(before, next) } };
    });
  }

  /**
   * One change of a stored definition, all or nothing: the election's row locked, the change refused
   * with its reasons where it would make a built roll, printed cards or entered results wrong
   * (domain: conflictingChanges), otherwise written row by row (rows keep their ids, so what points
   * at them stays valid), audited in the same transaction, the read model's copy dropped and the change
   * announced (ElectionDefinitionChanged: the publisher reads the election again, before the night).
   */
  private async changeDefinition(
    actor: Actor,
    id: string,
    change: (before: ElectionDefinition) => { next: ElectionDefinition; action: string; audit: object },
  ): Promise<ElectionSummary> {
    const election = await this.findForOffice(actor, id);
    await this.database.transaction(async (tx) => {
      await this.repository.lockForChange(tx, election.id);
      const stored = await this.repository.load(election);
      const before = rowsToDefinition(stored);
      const { next, action, audit } = change(before);
      const dependents = await this.repository.whatDependsOn(tx, election.id);
      refuseConflicts(conflictingChanges(before, next, dependents));
      await this.repository.syncParts(tx, definitionToRows(election.officeId, next, election.id, rowIdsOf(stored)));
      await this.audit.record(tx, election.id, [changeEvent(actor, action, { ...audit, dependents })]);
    });
    this.readModel.forget(election.id);
    this.events.emit(ElectionDefinitionChanged.event, new ElectionDefinitionChanged(election.id));
    this.audit.scheduleSeal(election.id);
    return this.getForOffice(actor, id);
  }

  private async findForOffice(actor: Actor, id: string): Promise<ElectionEntity> {
    const election = await this.repository.findById(id);
    if (!election) throw notFound(ELECTION);
    assertSameOffice(actor, election.officeId, ELECTION);
    return election;
  }
}

const DEPENDENT_NAMES: Readonly<Record<Dependent, string>> = {
  roll: 'das erstellte Wählerverzeichnis',
  cards: 'die gedruckten Wahlbenachrichtigungen',
  results: 'die erfassten Ergebnisse',
};

/** ELECTION_DEFINITION_LOCKED naming what the change would make wrong, each changed part with its reason. */
function refuseConflicts(conflicts: readonly ChangeConflict[]): void {
  if (conflicts.length === 0) return;
  const names = [...new Set(conflicts.map((c) => DEPENDENT_NAMES[c.dependent]))];
  throw new AppError(
    'ELECTION_DEFINITION_LOCKED',
    `Die Änderung würde ${names.join(' und ')} ungültig machen; es wurde nichts gespeichert.`,
    conflicts.map(({ path, message }) => ({ path, message })),
  );
}

/** For the audit: each part of the definition as it was and is, where it changed. */
function partsChanged(before: ElectionDefinition, next: ElectionDefinition): { old: object; new: object } {
  const keys = ['areas', 'pollingStations', 'districts', 'contests', 'streets'] as const;
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
  return {
    old: Object.fromEntries(changed.map((k) => [k, changedItems(before[k] ?? [], next[k] ?? [])])),
    new: Object.fromEntries(changed.map((k) => [k, changedItems(next[k] ?? [], before[k] ?? [])])),
  };
}

/** The items of `items` that `other` does not hold as they are. */
function changedItems(items: readonly object[], other: readonly object[]): object[] {
  const kept = new Set(other.map((o) => JSON.stringify(o)));
  return items.filter((item) => !kept.has(JSON.stringify(item)));
}

/** The definition if every rule holds (draft mode), else VALIDATION_FAILED with every error at its JSON path. */
function checked(doc: ElectionDefinition): ElectionDefinition {
  const result = validateElectionDefinition(doc, { draft: true });
  if (!result.ok) throw new AppError('VALIDATION_FAILED', 'Die Änderung verletzt Regeln der Wahldefinition.', result.error);
  return result.value;
}

function changeEvent(actor: Actor, action: string, newValue: object): AuditEvent {
  return {
    at: new Date().toISOString(),
    actor: auditActor(actor),
    action,
    districtId: null,
    version: null,
    oldValue: null,
    newValue,
    reason: null,
  };
}

const createdEvent = (actor: Actor, definition: ElectionDefinition, source: object): AuditEvent =>
  changeEvent(actor, 'election.created', { kind: definition.kind, name: definition.name, electionDay: definition.electionDay, source });
