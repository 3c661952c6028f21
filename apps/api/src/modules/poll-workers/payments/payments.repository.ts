import { Injectable } from '@nestjs/common';
import type { BoardRole, RefreshmentRates } from '@wahl/domain';
import { Database } from '../../../platform/database/database';

export type StoredPaymentSettings = {
  readonly rates: RefreshmentRates;
  readonly debtorName: string | null;
  readonly debtorIban: string | null;
  readonly debtorBic: string | null;
};

export type PaidSeatRow = {
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly districtId: string;
  readonly function: BoardRole;
  readonly iban: string | null;
  readonly accountHolder: string | null;
};

/** All SQL of the refreshment money: the election's settings, the members' accounts and the paid seats. */
@Injectable()
export class PaymentsRepository {
  constructor(readonly database: Database) {}

  async settings(electionId: string): Promise<StoredPaymentSettings | null> {
    const { rows } = await this.database.query<StoredPaymentSettings>(
      `SELECT rates, debtor_name AS "debtorName", debtor_iban AS "debtorIban", debtor_bic AS "debtorBic"
         FROM poll_worker_payment_settings WHERE election_id = $1`,
      [electionId],
    );
    return rows[0] ?? null;
  }

  async saveSettings(electionId: string, settings: StoredPaymentSettings): Promise<void> {
    await this.database.query(
      `INSERT INTO poll_worker_payment_settings (election_id, rates, debtor_name, debtor_iban, debtor_bic)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (election_id) DO UPDATE SET rates = EXCLUDED.rates, debtor_name = EXCLUDED.debtor_name,
         debtor_iban = EXCLUDED.debtor_iban, debtor_bic = EXCLUDED.debtor_bic, updated_at = now()`,
      [electionId, JSON.stringify(settings.rates), settings.debtorName, settings.debtorIban, settings.debtorBic],
    );
  }

  /** True when the person belongs to the office (the caller's tenancy). */
  async personInOffice(officeId: string, personId: string): Promise<boolean> {
    const { rows } = await this.database.query('SELECT 1 FROM poll_workers WHERE id = $1 AND office_id = $2', [personId, officeId]);
    return rows.length > 0;
  }

  async saveBankAccount(personId: string, iban: string, accountHolder: string | null): Promise<void> {
    await this.database.query(
      `INSERT INTO poll_worker_bank_accounts (person_id, iban, account_holder) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET iban = EXCLUDED.iban, account_holder = EXCLUDED.account_holder, updated_at = now()`,
      [personId, iban, accountHolder],
    );
  }

  /** Members on a district's board whose seat stands (appointed or confirmed), with their account if any. */
  async paidSeats(electionId: string): Promise<PaidSeatRow[]> {
    const { rows } = await this.database.query<PaidSeatRow>(
      `SELECT a.person_id AS "personId", p.family_name AS "familyName", p.given_names AS "givenNames",
              a.district_id AS "districtId", a.function, b.iban, b.account_holder AS "accountHolder"
         FROM poll_worker_assignments a
         JOIN poll_workers p ON p.id = a.person_id
         LEFT JOIN poll_worker_bank_accounts b ON b.person_id = a.person_id
        WHERE a.election_id = $1 AND a.district_id IS NOT NULL AND a.state IN ('appointed', 'confirmed')`,
      [electionId],
    );
    return rows;
  }
}
