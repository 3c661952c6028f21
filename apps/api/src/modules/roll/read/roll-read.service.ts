import { Injectable } from '@nestjs/common';
import type { ClosingCounts, RollAuditEntry, RollSummary, UnmatchedAddresses } from '@wahl/contracts';
import { closingTotals, INELIGIBILITY_REASON_LABELS, type IneligibilityReason } from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { RollChangesRepository } from '../changes/roll-changes.repository';
import { RegisterImportRepository } from '../import/register-import.repository';
import { RollA3Repository } from '../shared/roll-a3.repository';
import { RollAuditRepository } from '../shared/roll-audit.repository';
import { Database } from '../../../platform/database/database';
import { RollElectionService, type RollElection } from '../shared/roll-election.service';
import { RollRepository } from '../shared/roll.repository';

const ADDRESS_PROBLEMS: Readonly<Record<string, string>> = {
  'unknown-street': 'Der Straßenschlüssel steht nicht im Straßenverzeichnis der Wahl.',
  'invalid-house-number': 'Die Hausnummer ist nicht lesbar.',
  'no-segment': 'Die Hausnummer liegt in keinem Abschnitt des Straßenverzeichnisses.',
  ambiguous: 'Die Hausnummer passt zu mehreren Wahlbezirken – bitte das Straßenverzeichnis prüfen.',
  'not-a-polling-district': 'Das Straßenverzeichnis nennt einen Bezirk, der kein Urnenwahlbezirk dieser Wahl ist.',
};

const MAX_UNMATCHED = 1000;

/** Read models of the roll for the office screen: summary, unmatched addresses, closing counts. */
@Injectable()
export class RollReadService {
  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly rolls: RollRepository,
    private readonly imports: RegisterImportRepository,
    private readonly changes: RollChangesRepository,
    private readonly audit: RollAuditRepository,
    private readonly a3: RollA3Repository,
  ) {}

  /** The roll's audit table, newest first (office heads only: it names persons). */
  async auditLog(actor: Actor, electionId: string): Promise<RollAuditEntry[]> {
    const election = await this.elections.forActor(actor, electionId);
    const rows = await this.audit.list(election.id, { limit: 500 });
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor_username,
      action: r.action,
      voterId: r.voter_id,
      proposalId: r.proposal_id,
      reason: r.reason,
      details: r.details,
    }));
  }

  async summary(actor: Actor, electionId: string): Promise<RollSummary> {
    const election = await this.elections.forActor(actor, electionId);
    const pool = this.db;
    const roll = await this.rolls.find(pool, election.id);
    const current = await this.imports.current(pool, election.id);
    const importId = roll?.base_import_id ?? current?.id ?? null;
    const status = !roll ? 'not-built' : this.elections.isFrozen(election) ? 'frozen' : 'built';
    const districts = await this.elections.pollingDistricts(election.id);
    const counts = new Map((await this.rolls.districtCounts(pool, election.id)).map((c) => [c.district_id, c]));
    const districtRows = districts.map((d) => {
      const c = counts.get(d.id);
      return {
        districtId: d.id,
        number: d.number,
        name: d.name,
        voters: (c?.a1 ?? 0) + (c?.a2 ?? 0),
        withPostalVote: c?.a2 ?? 0,
        removed: c?.removed ?? 0,
      };
    });
    const reasons = importId ? await this.rolls.notEnteredByReason(pool, importId) : [];
    const proposalCounts = await this.changes.counts(pool, election.id);
    let totals = null;
    if (importId) {
      const residents = await this.rolls.residentCounts(pool, importId);
      const entered = await this.imports.countEntered(pool, importId);
      const voters = districtRows.reduce((sum, d) => sum + d.voters, 0);
      totals = {
        residents: residents.residents,
        voters,
        withPostalVote: districtRows.reduce((sum, d) => sum + d.withPostalVote, 0),
        removed: districtRows.reduce((sum, d) => sum + d.removed, 0),
        notEntered: residents.not_entered,
        unassigned: roll ? roll.unassigned : entered.unassigned,
      };
    }
    return {
      electionId: election.id,
      status,
      cutoffDay: election.cutoffDay,
      numbersLocked: roll?.numbers_locked ?? false,
      // Before the cut-off a newer import means a rebuild; after it, later imports become change proposals (R1.20).
      outdated: status === 'built' && current !== null && current.id !== roll!.base_import_id,
      builtAt: roll ? roll.built_at.toISOString() : null,
      builtBy: roll?.built_by_username ?? null,
      importId,
      totals,
      districts: districtRows,
      notEntered: reasons
        .map((r) => ({ reason: r.reason, label: INELIGIBILITY_REASON_LABELS[r.reason as IneligibilityReason] ?? r.reason, count: r.count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      openProposals: proposalCounts.filter((c) => c.status === 'open').reduce((sum, c) => sum + c.count, 0),
    };
  }

  /** R2.4: entered residents whose address gives no polling district or several; never guessed. */
  async unmatched(actor: Actor, electionId: string): Promise<UnmatchedAddresses> {
    const election = await this.elections.forActor(actor, electionId);
    const importId = await this.sourceImport(election);
    if (!importId) return { total: 0, items: [] };
    const { total, rows } = await this.rolls.unassigned(this.db, election.id, importId, MAX_UNMATCHED);
    return {
      total,
      items: rows.map((r) => {
        const problem = r.address_status === 'match' ? 'not-a-polling-district' : r.address_status;
        return {
          line: r.line_no,
          familyName: r.family_name,
          givenNames: r.given_names,
          birthDate: r.birth_date,
          streetKey: r.street_key,
          street: r.street,
          houseNumber: r.house_number,
          postalCode: r.postal_code,
          city: r.city,
          problem,
          problemLabel: ADDRESS_PROBLEMS[problem] ?? problem,
          candidateDistricts: r.address_candidates
            ? r.address_candidates.split(',')
            : r.district_number && problem === 'not-a-polling-district'
              ? [r.district_number]
              : [],
        };
      }),
    };
  }

  async closingCounts(actor: Actor, electionId: string): Promise<ClosingCounts> {
    const election = await this.elections.forActor(actor, electionId);
    return this.closingCountsOf(election.id);
  }

  /** R1.21 / P2: A1, A2 and A3 per polling district, always current (R1.16: later "W" marks count at once). */
  async closingCountsOf(electionId: string): Promise<ClosingCounts> {
    const pool = this.db;
    const roll = await this.rolls.find(pool, electionId);
    const counts = new Map((await this.rolls.districtCounts(pool, electionId)).map((c) => [c.district_id, c]));
    const a3 = await this.a3.countsByDistrict(pool, electionId);
    const districts = (await this.elections.pollingDistricts(electionId)).map((d) => {
      const totals = closingTotals([{ A1: counts.get(d.id)?.a1 ?? 0, A2: counts.get(d.id)?.a2 ?? 0, A3: a3.get(d.id) ?? 0 }]);
      return {
        districtId: d.id,
        number: d.number,
        name: d.name,
        A1: totals.A1,
        A2: totals.A2,
        A3: totals.A3,
        total: totals.rollTotal,
        A: totals.A,
      };
    });
    const sum = closingTotals(districts);
    return { electionId, built: roll !== null, districts, A1: sum.A1, A2: sum.A2, A3: sum.A3, total: sum.rollTotal, A: sum.A };
  }

  private async sourceImport(election: RollElection): Promise<string | null> {
    const roll = await this.rolls.find(this.db, election.id);
    return roll?.base_import_id ?? (await this.imports.current(this.db, election.id))?.id ?? null;
  }
}
