import { Injectable, Logger } from '@nestjs/common';
import type { CouncilBatchRequest, CouncilResult, DeclareFinalRequest } from '@wahl/contracts';
import { DEFAULT_COUNCIL_POLICY, tallyCouncilBatch, type CouncilBatch, type CouncilEntryError } from '@wahl/domain';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/auth/roles';
import { assertSameOffice } from '../../platform/auth/tenancy';
import { AppError, notFound, type FieldError } from '../../platform/errors/app-error';
import { CouncilResultDeclared } from './council-count.events';
import { CouncilCountRepository, type ContestSums, type StoredBatchSummary, type StoredCouncilContest } from './council-count.repository';
import { candidateKey, computeCouncilResult, toContestView, type CouncilContestView } from './dtos/council-result.dto';

const CONTEST = 'Der Stimmzettel';
// Election documents are imported, not edited, so a contest's lists and candidates can be kept a while.
const CONTEST_CACHE_MS = 60_000;

export type BatchReceipt = {
  readonly id: string;
  readonly team: string;
  readonly declaredBallots: number;
  readonly ballots: number;
  readonly validBallots: number;
  readonly invalidBallots: StoredBatchSummary['invalid'];
  readonly blankPaperBallots: number;
  readonly voidVotes: number;
  readonly lostVotes: number;
  readonly createdAt: string;
};

/** A council contest's batches, for the decision which of them its public total may sum (R8.7). */
export type CouncilReleaseInput = {
  readonly contestKey: string;
  readonly batches: readonly { readonly id: string; readonly ballots: number }[];
  readonly final: boolean;
};

/** Every council contest of an election with its current result (final as declared, or provisional). */
export type CouncilTallies = { readonly electionName: string; readonly results: readonly CouncilResult[] };

const receipt = (b: StoredBatchSummary): BatchReceipt => ({
  id: b.id,
  team: b.team,
  declaredBallots: b.declaredBallots,
  ballots: b.ballots,
  validBallots: b.validBallots,
  invalidBallots: b.invalid,
  blankPaperBallots: b.blankPaperBallots,
  voidVotes: b.voidVotes,
  lostVotes: b.lostVotes,
  createdAt: b.createdAt.toISOString(),
});

type Cached<T> = { readonly expires: number; readonly value: Promise<T> };

@Injectable()
export class CouncilCountService {
  private readonly logger = new Logger(CouncilCountService.name);
  private readonly contests = new Map<string, Cached<CouncilContestView>>();

  constructor(
    private readonly repository: CouncilCountRepository,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Enters one batch of ballots: checked by the domain and against the team's own count, then stored
   * with its sums in one transaction. A retry with the same Idempotency-Key and body is answered
   * with the stored receipt; the same key with another body is a conflict.
   */
  async enterBatch(
    actor: Actor,
    electionId: string,
    contestKey: string,
    idempotencyKey: string,
    body: CouncilBatchRequest,
  ): Promise<{ readonly replayed: boolean; readonly receipt: BatchReceipt }> {
    const view = await this.contestFor(actor, electionId, contestKey);
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const batch: CouncilBatch = {
      unchanged: body.unchanged,
      changed: body.changed.map((ballot) => ({
        paper: ballot.paper,
        marks: ballot.marks.map((mark) => ({ candidate: candidateKey(mark.list, mark.position), votes: mark.votes })),
      })),
      rejected: body.rejected,
    };
    const tallied = tallyCouncilBatch(view.index, batch, DEFAULT_COUNCIL_POLICY);
    if (!tallied.ok) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Der Stapel enthält Erfassungsfehler; es wurde nichts gespeichert.',
        tallied.error.map(entryErrorToField),
      );
    }
    const tally = tallied.value;
    if (tally.ballots !== body.declaredBallots) {
      const unchanged = Object.values(body.unchanged).reduce((a, b) => a + b, 0);
      throw new AppError(
        'VALIDATION_FAILED',
        'Die Zahl der erfassten Stimmzettel stimmt nicht mit der Zählung der Zählgruppe überein; es wurde nichts gespeichert.',
        [
          {
            path: '$.declaredBallots',
            code: 'DECLARED_COUNT_MISMATCH',
            message: `Gezählt: ${body.declaredBallots} Stimmzettel; erfasst: ${tally.ballots} (${unchanged} unverändert, ${body.changed.length} verändert, ${body.rejected} zurückgewiesen).`,
          },
        ],
      );
    }

    const stored = await this.repository.insertBatch({
      electionId: view.stored.electionId,
      contestId: view.stored.id,
      idempotencyKey,
      requestHash,
      team: body.team,
      enteredBy: actor.userId,
      declaredBallots: body.declaredBallots,
      tally,
      papers: view.stored.lists
        .map((list) => ({ listId: list.id, ...tally.papers[list.key]! }))
        .filter((p) => p.unchangedBallots > 0 || p.changedBallots > 0),
      votes: [...view.candidateByKey]
        .map(([key, c]) => ({ candidateId: c.id, votes: tally.candidateVotes[key] ?? 0 }))
        .filter((v) => v.votes > 0),
    });
    if (stored) {
      return {
        replayed: false,
        receipt: {
          id: stored.id,
          team: body.team,
          declaredBallots: body.declaredBallots,
          ballots: tally.ballots,
          validBallots: tally.validBallots,
          invalidBallots: {
            tooManyVotes: tally.invalidBallots['too-many-votes'],
            tooManyForCandidate: tally.invalidBallots['too-many-for-candidate'],
            noVotes: tally.invalidBallots['no-votes'],
            rejected: tally.invalidBallots.rejected,
          },
          blankPaperBallots: tally.blankPaperBallots,
          voidVotes: tally.voidVotes,
          lostVotes: tally.lostVotes,
          createdAt: stored.createdAt.toISOString(),
        },
      };
    }
    const earlier = await this.repository.findBatch(view.stored.id, idempotencyKey);
    if (earlier && earlier.requestHash === requestHash) return { replayed: true, receipt: receipt(earlier) };
    if (earlier) {
      throw new AppError('COUNCIL_BATCH_KEY_REUSED', 'Unter diesem Idempotency-Key wurde bereits ein anderer Stapel gespeichert.', [
        {
          path: '$headers.idempotency-key',
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'Für jeden neuen Stapel einen neuen Schlüssel verwenden.',
        },
      ]);
    }
    throw new AppError('COUNCIL_RESULT_FINAL', 'Das Ergebnis ist bereits endgültig festgestellt; weitere Stapel werden nicht angenommen.');
  }

  /** The office's view: final as declared, or provisional from the batches entered so far. */
  async result(actor: Actor, electionId: string, contestKey: string): Promise<CouncilResult> {
    const view = await this.contestFor(actor, electionId, contestKey);
    return this.currentResult(view);
  }

  /**
   * Declares the result final (office). Waits for batches being entered, then freezes the result;
   * a tie between lists needs the recorded drawing of lots (`lots`). Declaring twice is refused.
   */
  async declareFinal(actor: Actor, electionId: string, contestKey: string, body: DeclareFinalRequest): Promise<CouncilResult> {
    const view = await this.contestFor(actor, electionId, contestKey);
    const declaredAt = new Date();
    const outcome = await this.repository.declareFinal(view.stored, actor.userId, declaredAt, (sums) => {
      if (sums.validBallots === 0)
        throw new AppError(
          'COUNCIL_NO_VALID_VOTES',
          'Es ist noch keine gültige Stimme erfasst; das Ergebnis kann nicht festgestellt werden.',
        );
      const computed = computeCouncilResult({ view, sums, ...(body.lots ? { lots: body.lots } : {}), declaredAt });
      if (!computed.ok) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Der Losentscheid passt nicht zum Ergebnis.',
          computed.errors.map((e) => ({ path: e.path, message: e.message, code: e.code })),
        );
      }
      const tie = computed.dto.lotRequired;
      if (tie) {
        throw new AppError(
          'COUNCIL_LOT_REQUIRED',
          `Um ${tie.seatsLeft === 1 ? 'den letzten Sitz' : `die letzten ${tie.seatsLeft} Sitze`} muss zwischen ${tie.lists.join(', ')} gelost werden (KomWG § 25(1)); bitte das Los ziehen und die Gewinner unter „lots“ angeben.`,
          [
            {
              path: '$.lots',
              code: 'LOT_REQUIRED',
              message: `Gleichstand zwischen ${tie.lists.join(', ')}; ${tie.seatsLeft} Sitz(e) offen.`,
            },
          ],
        );
      }
      return { lots: body.lots ?? null, result: computed.dto };
    });
    if (outcome.alreadyFinal) throw new AppError('COUNCIL_RESULT_FINAL', 'Das Ergebnis ist bereits endgültig festgestellt.');
    this.events.emit(CouncilResultDeclared.event, new CouncilResultDeclared(electionId));
    this.logger.log(`council result of contest ${view.stored.id} (election ${electionId}) declared final by user ${actor.userId}`);
    return outcome.result as CouncilResult;
  }

  /**
   * Every council contest of the election with its result as far as `release` lets it be public,
   * for the public output (publication); null if there is no such election. `release` is given the
   * contest's batches and answers those its public total may sum (R8.7); a declared result is
   * public as declared. No tenancy check: callers publish aggregates only.
   */
  async tallies(electionId: string, release: (contest: CouncilReleaseInput) => readonly string[]): Promise<CouncilTallies | null> {
    const contests = await this.repository.findCouncilContests(electionId);
    if (contests === null) return null;
    const results: CouncilResult[] = [];
    // One after the other: `release` records each contest's release in the election's publication log.
    for (const stored of contests) results.push(await this.releasedResult(toContestView(stored), release));
    return { electionName: contests[0]?.electionName ?? '', results };
  }

  private async releasedResult(
    view: CouncilContestView,
    release: (contest: CouncilReleaseInput) => readonly string[],
  ): Promise<CouncilResult> {
    const declaration = await this.repository.findDeclaration(view.stored.id);
    const batches = await this.repository.batchUnits(view.stored.id);
    const members = release({ contestKey: view.stored.key, batches, final: declaration !== null });
    if (declaration) return declaration.result as CouncilResult;
    return this.computed(view, await this.repository.releasedSums(view.stored.id, members));
  }

  private async currentResult(view: CouncilContestView): Promise<CouncilResult> {
    const declaration = await this.repository.findDeclaration(view.stored.id);
    if (declaration) return declaration.result as CouncilResult;
    return this.computed(view, await this.repository.currentSums(view.stored.id));
  }

  private computed(view: CouncilContestView, sums: ContestSums): CouncilResult {
    const computed = computeCouncilResult({ view, sums });
    // Without lots the only allocation error is "no votes", which computeCouncilResult absorbs.
    if (!computed.ok) throw new Error(`council result of ${view.stored.id}: ${JSON.stringify(computed.errors)}`);
    return computed.dto;
  }

  /** The council contest of the caller's office; anything else is "not found" (ids cannot be probed). */
  private async contestFor(actor: Actor, electionId: string, contestKey: string): Promise<CouncilContestView> {
    const key = `${electionId}/${contestKey}`;
    const now = Date.now();
    let cached = this.contests.get(key);
    if (!cached || cached.expires <= now) {
      const value = this.repository.findContest(electionId, contestKey).then((stored) => {
        if (!stored) throw notFound(CONTEST);
        return toContestView(stored);
      });
      cached = { expires: now + CONTEST_CACHE_MS, value };
      this.contests.set(key, cached);
      value.catch(() => this.contests.delete(key));
    }
    const view = await cached.value;
    assertSameOffice(actor, view.stored.officeId, CONTEST);
    assertCouncil(view.stored);
    return view;
  }
}

function assertCouncil(contest: StoredCouncilContest): void {
  if (contest.ballotType !== 'council') {
    throw new AppError(
      'NOT_FOUND',
      'Dieser Stimmzettel hat kein Kumulieren und Panaschieren; Stapel und Sitzverteilung gibt es nur für Gemeinderats-Stimmzettel.',
    );
  }
}

/** The domain names a candidate `<list>#<place>`; the request names list and place separately. */
function entryErrorToField(error: CouncilEntryError): FieldError {
  return {
    path: error.path.replace(/\.candidate$/, ''),
    message: error.message.replace(/„([^„“]*)#(\d+)“/g, '„$1“ Platz $2'),
    code: error.code,
  };
}
