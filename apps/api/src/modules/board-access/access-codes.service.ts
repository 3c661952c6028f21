import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import type { Actor } from '../../platform/auth/roles';
import { AppError, notFound } from '../../platform/errors/app-error';
import { AuthService } from '../identity/auth.service';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit-chain';
import type { Tx } from '../../platform/database/database';
import type { NightDistrict } from '../elections/read-model/election-night-context';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import * as argon2 from 'argon2';
import { BoardAccessRepository } from './board-access.repository';
import { RateLimits, type Limit } from '../../platform/rate-limits/rate-limits';
import { memberDisplayName, memberNameKey } from './member-name';
import { formatAccessCode, generateAccessCode, hashAccessCode, normalizeAccessCode } from './access-code';
import type { AccessCodeSummary as CodeSummary, GenerateCodesBody, GeneratedCodes, GeneratedCode, SignInBody } from '@wahl/contracts';
import { renderBoardCodeSheet } from './board-codes.pdf';

export type { GeneratedCode, AccessCodeSummary as CodeSummary } from '@wahl/contracts';

const INVALID_CODE = 'Der Zugangscode ist ungültig oder gesperrt. Bitte prüfen Sie die Eingabe oder wenden Sie sich an das Wahlamt.';

const districtRef = (district: NightDistrict) => ({ id: district.id, number: district.number, name: district.name });

/** Access codes for the polling-station boards: generate (shown once), list, revoke, sign in. */
const PIN_ATTEMPTS_PER_CLIENT = 5;
const PIN_ATTEMPTS_PER_MEMBER = 20;
const PIN_WINDOW_SECONDS = 15 * 60;

@Injectable()
export class AccessCodesService {
  private readonly pinAttempts: { readonly byClient: Limit; readonly byMember: Limit };

  constructor(
    private readonly repository: BoardAccessRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contexts: ElectionReadModel,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    limits: RateLimits,
  ) {
    // A PIN has as few as four digits: wrong PINs for one member are limited per member and address
    // (a guesser slows down alone) and per member overall (a distributed guesser gets some 20 tries in
    // 15 minutes, far from the 10,000 of a four-digit PIN). Reserved before the PIN is checked.
    this.pinAttempts = {
      byClient: limits.define({ name: 'board-pin:member-address', points: PIN_ATTEMPTS_PER_CLIENT, durationSeconds: PIN_WINDOW_SECONDS }),
      byMember: limits.define({ name: 'board-pin:member', points: PIN_ATTEMPTS_PER_MEMBER, durationSeconds: PIN_WINDOW_SECONDS }),
    };
  }

  async generate(actor: Actor, electionId: string, body: GenerateCodesBody): Promise<GeneratedCodes & { codes: GeneratedCode[] }> {
    const context = await this.contexts.forActor(actor, electionId);
    const groups = (body.codes ?? context.districts.map((district) => ({ districtIds: [district.id] }))).map((group, index) => {
      const ids = [...new Set(group.districtIds)];
      for (const id of ids) {
        if (!context.districtById.has(id)) {
          throw new AppError('VALIDATION_FAILED', 'Ein genannter Wahlbezirk gehört nicht zu dieser Wahl.', [
            { path: `$.codes[${index}].districtIds`, message: `Unbekannter Wahlbezirk ${id}.` },
          ]);
        }
      }
      return ids;
    });
    const covered = [...new Set(groups.flat())];
    const createdAt = new Date();
    const codes = groups.map((districtIds) => ({ code: generateAccessCode(), districtIds }));

    const { ids, revoked } = await this.repository.transaction(async (tx) => {
      let revokedIds: string[] = [];
      if (body.replaceExisting) {
        revokedIds = await this.repository.revokeCovering(tx, electionId, covered, createdAt, actor.userId);
        for (const id of revokedIds) await this.auth.endBoardSessions(id, tx);
      }
      const codeIds = await this.repository.insertCodes(
        tx,
        codes.map((entry) => ({
          electionId,
          officeId: context.officeId,
          codeHash: hashAccessCode(normalizeAccessCode(entry.code)!),
          districtIds: entry.districtIds,
          createdBy: actor.userId,
          createdAt,
        })),
      );
      await this.audit.record(tx, electionId, [
        {
          at: createdAt.toISOString(),
          actor: auditActor(actor),
          action: 'board-codes.generated',
          districtId: null,
          version: null,
          oldValue: revokedIds.length ? { revokedCodes: revokedIds } : null,
          // Never the codes themselves.
          newValue: {
            codes: codes.map((entry, index) => ({
              id: codeIds[index],
              districts: entry.districtIds.map((id) => context.districtById.get(id)!.number),
            })),
          },
          reason: null,
        },
      ]);
      return { ids: codeIds, revoked: revokedIds };
    });
    this.audit.scheduleSeal(electionId);
    return {
      electionId,
      createdAt: createdAt.toISOString(),
      codes: codes.map((entry, index) => ({
        id: ids[index]!,
        code: entry.code,
        signInUrl: this.signInUrl(entry.code),
        districts: entry.districtIds.map((id) => districtRef(context.districtById.get(id)!)),
      })),
      revokedCodes: revoked,
    };
  }

  /** Generates codes and returns them only inside the PDF sheet for the station kits. */
  async generatePdf(actor: Actor, electionId: string, body: GenerateCodesBody): Promise<{ pdf: Buffer; fileName: string }> {
    const generated = await this.generate(actor, electionId, body);
    const context = await this.contexts.forActor(actor, electionId);
    const entries = generated.codes.flatMap((code) =>
      code.districts.map((ref) => {
        const district = context.districtById.get(ref.id)!;
        return {
          districtNumber: district.number,
          districtName: district.name,
          kind: district.kind,
          station: district.pollingStation,
          code: code.code,
          signInUrl: code.signInUrl,
          alsoFor: code.districts.filter((other) => other.id !== ref.id).map((other) => other.number),
        };
      }),
    );
    const order = new Map(context.districts.map((district, index) => [district.number, index]));
    entries.sort((a, b) => (order.get(a.districtNumber) ?? 0) - (order.get(b.districtNumber) ?? 0));
    const pdf = await renderBoardCodeSheet({
      electionName: context.name,
      municipalityName: context.municipality.name,
      createdAt: new Date(generated.createdAt),
      entries,
    });
    return { pdf, fileName: `zugangscodes-${context.electionDay}.pdf` };
  }

  /**
   * Personal codes for the appointment letters of poll workers (issue #14): one code per member for the
   * member's district, who signs in with it, their name and a PIN set at the first sign-in. Runs in the
   * caller's transaction; codes of earlier letters (`revoke`) are blocked and their sessions ended.
   * Audited without the codes; the clear codes are returned once, for the letters only.
   */
  async issuePersonalCodes(
    tx: Tx,
    input: {
      electionId: string;
      officeId: string;
      by: AuditActor & { readonly id: string };
      districtIds: readonly string[];
      revoke: readonly string[];
    },
  ): Promise<{ readonly id: string; readonly code: string; readonly signInUrl: string }[]> {
    const createdAt = new Date();
    for (const id of input.revoke) {
      await this.repository.revoke(tx, id, createdAt, input.by.id);
      await this.auth.endBoardSessions(id, tx);
    }
    const codes = input.districtIds.map(() => generateAccessCode());
    const ids = await this.repository.insertCodes(
      tx,
      codes.map((code, index) => ({
        electionId: input.electionId,
        officeId: input.officeId,
        codeHash: hashAccessCode(normalizeAccessCode(code)!),
        districtIds: [input.districtIds[index]!],
        createdBy: input.by.id,
        createdAt,
      })),
    );
    await this.audit.record(tx, input.electionId, [
      {
        at: createdAt.toISOString(),
        actor: input.by,
        action: 'board-codes.generated',
        districtId: null,
        version: null,
        oldValue: input.revoke.length ? { revokedCodes: input.revoke } : null,
        // Never the codes themselves.
        newValue: { personal: true, codes: ids.map((id, index) => ({ id, districtId: input.districtIds[index] })) },
        reason: null,
      },
    ]);
    return codes.map((code, index) => ({ id: ids[index]!, code, signInUrl: this.signInUrl(code) }));
  }

  async list(actor: Actor, electionId: string): Promise<CodeSummary[]> {
    const context = await this.contexts.forActor(actor, electionId);
    const rows = await this.repository.list(electionId);
    return rows.map((row) => ({
      id: row.id,
      districts: row.districtIds.flatMap((id) => {
        const district = context.districtById.get(id);
        return district ? [districtRef(district)] : [];
      }),
      createdAt: row.createdAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      signIns: row.signIns,
      lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    }));
  }

  /** Blocks the code and ends every session opened with it. */
  async revoke(actor: Actor, electionId: string, codeId: string): Promise<CodeSummary> {
    await this.contexts.forActor(actor, electionId);
    const now = new Date();
    await this.repository.transaction(async (tx) => {
      const code = await this.repository.lockCode(tx, electionId, codeId);
      if (!code) throw notFound('Der Zugangscode');
      if (code.revokedAt) return;
      await this.repository.revoke(tx, codeId, now, actor.userId);
      await this.auth.endBoardSessions(codeId, tx);
      await this.audit.record(tx, electionId, [
        {
          at: now.toISOString(),
          actor: auditActor(actor),
          action: 'board-code.revoked',
          districtId: null,
          version: null,
          oldValue: null,
          newValue: { codeId, districtIds: code.districtIds },
          reason: null,
        },
      ]);
    });
    this.audit.scheduleSeal(electionId);
    const summary = (await this.list(actor, electionId)).find((entry) => entry.id === codeId);
    if (!summary) throw notFound('Der Zugangscode');
    return summary;
  }

  /**
   * A board member signs in personally (issue #17, four eyes): the code, their name and their PIN. The
   * first sign-in with a name sets the PIN (given twice); later sign-ins must give it. The session's
   * principal is the member, so a second session of the same member is the same person. A wrong PIN
   * is refused and counted like a wrong code.
   */
  async signIn(input: SignInBody, address: string) {
    const attempt = await this.auth.assertAddressNotThrottled(address);
    const normalized = normalizeAccessCode(input.code);
    const code = normalized ? await this.repository.openCodeByHash(hashAccessCode(normalized)) : null;
    const context = code ? await this.contexts.load(code.electionId) : null;
    if (!code || !context) {
      await this.auth.recordFailedSignIn('board-access-code', address);
      throw new AppError('UNAUTHENTICATED', INVALID_CODE);
    }
    const districts = code.districtIds.flatMap((id) => {
      const district = context.districtById.get(id);
      return district ? [district] : [];
    });
    const nameKey = memberNameKey(input.name);
    const name = memberDisplayName(input.name);
    const known = await this.repository.member(code.id, nameKey);
    let newPinHash: string | null = null;
    if (known) {
      await this.verifyPin(known, input.pin, address);
    } else {
      if (input.pinRepeat === undefined) {
        throw new AppError(
          'BOARD_PIN_SETUP_REQUIRED',
          `Sie melden sich zum ersten Mal als „${name}“ an. Bitte legen Sie eine PIN fest und geben Sie sie zur Bestätigung ein zweites Mal ein. ` +
            'Haben Sie sich schon einmal angemeldet, prüfen Sie bitte die Schreibweise Ihres Namens.',
        );
      }
      if (input.pinRepeat !== input.pin) {
        throw new AppError('VALIDATION_FAILED', 'Die beiden PIN-Eingaben stimmen nicht überein.', [
          { path: '$.pinRepeat', message: 'Die Wiederholung stimmt nicht mit der PIN überein.' },
        ]);
      }
      newPinHash = await argon2.hash(input.pin);
    }
    const now = new Date();
    const session = await this.repository.transaction(async (tx) => {
      // A concurrent first sign-in with the same name may have set the PIN meanwhile: then this one must match it.
      const member = known
        ? { ...known, created: false }
        : await this.repository.addMember(tx, { codeId: code.id, electionId: code.electionId, nameKey, name, pinHash: newPinHash! });
      if (!known && !member.created) await this.verifyPin(member, input.pin, address);
      await this.repository.countSignIn(tx, code.id, now);
      const created = await this.auth.createBoardSession(
        {
          officeId: code.officeId,
          electionId: code.electionId,
          districtIds: districts.map((district) => district.id),
          codeId: code.id,
          name: member.name,
        },
        member.id,
        tx,
      );
      await this.audit.record(tx, code.electionId, [
        {
          at: now.toISOString(),
          actor: auditActor(created.actor),
          action: 'board.signed-in',
          districtId: districts.length === 1 ? districts[0]!.id : null,
          version: null,
          oldValue: null,
          newValue: {
            codeId: code.id,
            memberId: member.id,
            firstSignIn: member.created,
            districts: districts.map((district) => district.number),
          },
          reason: null,
        },
      ]);
      return created;
    });
    this.audit.scheduleSeal(code.electionId);
    await attempt.succeeded();
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: session.actor,
      election: { id: context.electionId, name: context.name, electionDay: context.electionDay },
      districts: districts.map((district) => ({ ...districtRef(district), kind: district.kind, pollingStation: district.pollingStation })),
    };
  }

  private async verifyPin(member: { readonly id: string; readonly pinHash: string }, pin: string, address: string): Promise<void> {
    const subjects = { byClient: `${member.id}\u0000${address}`, byMember: member.id };
    const [byClient, byMember] = await Promise.all([
      this.pinAttempts.byClient.reserve(subjects.byClient),
      this.pinAttempts.byMember.reserve(subjects.byMember),
    ]);
    if (!byClient.allowed || !byMember.allowed) {
      const retryAfter = Math.max(byClient.allowed ? 0 : byClient.retryAfterSeconds, byMember.allowed ? 0 : byMember.retryAfterSeconds);
      throw new AppError('BOARD_PIN_THROTTLED', undefined, [], { 'Retry-After': String(retryAfter) });
    }
    if (await argon2.verify(member.pinHash, pin)) {
      await Promise.all([this.pinAttempts.byClient.release(subjects.byClient), this.pinAttempts.byMember.release(subjects.byMember)]);
      return;
    }
    await this.auth.recordFailedSignIn('board-member-pin', address);
    throw new AppError(
      'BOARD_SIGN_IN_FAILED',
      'Die PIN passt nicht zu diesem Namen. Bitte prüfen Sie die Eingabe; wer die PIN vergessen hat, meldet sich beim Wahlamt.',
    );
  }

  private signInUrl(code: string): string {
    const base = this.config.publicBaseUrl.replace(/\/+$/, '');
    return `${base}/office/board?code=${encodeURIComponent(formatAccessCode(normalizeAccessCode(code)!))}`;
  }
}
