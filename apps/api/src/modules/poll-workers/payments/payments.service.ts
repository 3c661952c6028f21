import { Injectable } from '@nestjs/common';
import { buildPaymentList, DEFAULT_REFRESHMENT_RATES, type PaymentList, type RefreshmentRates, type ServedSeat } from '@wahl/domain';
import type {
  BankAccount,
  PaymentListView,
  PaymentSettings,
  SepaTransferBody,
  SetBankAccountBody,
  SetPaymentSettingsBody,
} from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { auditActor, AuditService } from '../../audit/audit.service';
import type { ElectionNightContext } from '../../elections/read-model/election-night-context';
import { ElectionReadModel } from '../../elections/read-model/election-read-model.service';
import { paymentListCsv } from './payment-csv';
import { PaymentsRepository } from './payments.repository';
import { SEPA_FORMAT, sepaTransferXml } from './sepa-transfer';

/** Only the last four characters of an IBAN leave the transfer file. */
export const maskIban = (iban: string): string => `… ${iban.slice(-4)}`;

/** Refreshment money (R7.19): amounts per function, accounts, the payment list as JSON and CSV, the SEPA file. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly repository: PaymentsRepository,
    private readonly contexts: ElectionReadModel,
    private readonly audit: AuditService,
  ) {}

  async settings(actor: Actor, electionId: string): Promise<PaymentSettings> {
    await this.contexts.forActor(actor, electionId);
    const stored = await this.repository.settings(electionId);
    return {
      rates: stored?.rates ?? DEFAULT_REFRESHMENT_RATES,
      debtor: stored?.debtorIban ? { name: stored.debtorName!, iban: stored.debtorIban, bic: stored.debtorBic } : null,
    };
  }

  /** The election's amounts per function (for the letters); no caller check: the caller did it. */
  async rates(electionId: string): Promise<RefreshmentRates> {
    return (await this.repository.settings(electionId))?.rates ?? DEFAULT_REFRESHMENT_RATES;
  }

  async saveSettings(actor: Actor, electionId: string, body: SetPaymentSettingsBody): Promise<PaymentSettings> {
    await this.contexts.forActor(actor, electionId);
    await this.repository.saveSettings(electionId, {
      rates: body.rates,
      debtorName: body.debtorName,
      debtorIban: body.debtorIban,
      debtorBic: body.debtorBic,
    });
    await this.recordAudit(actor, electionId, 'poll-workers.refreshment-rates-set', { rates: body.rates });
    return this.settings(actor, electionId);
  }

  async saveBankAccount(actor: Actor, electionId: string, personId: string, body: SetBankAccountBody): Promise<BankAccount> {
    const context = await this.contexts.forActor(actor, electionId);
    if (!(await this.repository.personInOffice(context.officeId, personId))) throw notFound('Die Person');
    await this.repository.saveBankAccount(personId, body.iban, body.accountHolder);
    return { personId, ibanMasked: maskIban(body.iban), accountHolder: body.accountHolder };
  }

  async list(actor: Actor, electionId: string): Promise<PaymentListView> {
    const { list } = await this.paymentList(actor, electionId);
    return {
      electionId,
      lines: list.lines.map((line) => ({
        personId: line.personId,
        name: `${line.familyName}, ${line.givenNames}`,
        districtNumber: line.districtNumber,
        function: line.function,
        amountCents: line.amountCents,
        method: line.method,
        ibanMasked: line.iban ? maskIban(line.iban) : null,
      })),
      totalCents: list.totalCents,
      transfer: list.transfer,
      cash: list.cash,
    };
  }

  async csv(actor: Actor, electionId: string): Promise<{ csv: string; fileName: string }> {
    const { context, list } = await this.paymentList(actor, electionId);
    return { csv: paymentListCsv(list), fileName: `erfrischungsgeld-${context.electionDay}.csv` };
  }

  async sepa(actor: Actor, electionId: string, body: SepaTransferBody): Promise<{ xml: string; fileName: string }> {
    const { context, list } = await this.paymentList(actor, electionId);
    const settings = await this.repository.settings(electionId);
    if (!settings?.debtorIban || !settings.debtorName) throw new AppError('PW_DEBTOR_ACCOUNT_MISSING');
    if (list.transfer.count === 0) throw new AppError('PW_NOTHING_TO_TRANSFER');
    const createdAt = new Date();
    const messageId = `EG-${context.electionDay.replaceAll('-', '')}-${createdAt.getTime().toString(36).toUpperCase()}`;
    const xml = sepaTransferXml({
      messageId,
      createdAt,
      executionDate: body.executionDate,
      electionName: context.name,
      debtor: { name: settings.debtorName, iban: settings.debtorIban, bic: settings.debtorBic },
      list,
    });
    await this.recordAudit(actor, electionId, 'poll-workers.sepa-file-made', {
      format: SEPA_FORMAT,
      messageId,
      transfers: list.transfer.count,
      cents: list.transfer.cents,
    });
    return { xml, fileName: `erfrischungsgeld-${context.electionDay}-${SEPA_FORMAT}.xml` };
  }

  private async paymentList(actor: Actor, electionId: string): Promise<{ context: ElectionNightContext; list: PaymentList }> {
    const context = await this.contexts.forActor(actor, electionId);
    const [rates, rows] = await Promise.all([this.rates(electionId), this.repository.paidSeats(electionId)]);
    const seats = rows.flatMap((row): ServedSeat[] => {
      const district = context.districtById.get(row.districtId);
      return district ? [{ ...row, districtNumber: district.number }] : [];
    });
    return { context, list: buildPaymentList(seats, rates) };
  }

  private async recordAudit(actor: Actor, electionId: string, action: string, newValue: Record<string, unknown>): Promise<void> {
    await this.audit.record(this.repository.database, electionId, [
      {
        at: new Date().toISOString(),
        actor: auditActor(actor),
        action,
        districtId: null,
        version: null,
        oldValue: null,
        newValue,
        reason: null,
      },
    ]);
    this.audit.scheduleSeal(electionId);
  }
}
