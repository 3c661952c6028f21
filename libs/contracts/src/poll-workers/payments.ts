import { BOARD_ROLES, MAX_REFRESHMENT_CENTS, SEPA_NAME_MAX, type BoardRole } from '@wahl/domain';
import { z } from 'zod';
import { noNulString } from '../common/text';
import { IbanSchema } from './iban';

// Refreshment money (Erfrischungsgeld, R7.19): the amounts per function of an election, the
// office's paying account, the members' accounts and the payment list.

const cents = z
  .number('Bitte einen Betrag in Cent angeben.')
  .int('Beträge werden in ganzen Cent angegeben.')
  .min(0, 'Der Betrag darf nicht negativ sein.')
  .max(MAX_REFRESHMENT_CENTS, `Höchstens ${MAX_REFRESHMENT_CENTS / 100} € je Funktion.`);

export const RefreshmentRatesSchema = z.strictObject(
  Object.fromEntries(BOARD_ROLES.map((role) => [role, cents])) as Record<BoardRole, typeof cents>,
);

const name = (label: string) =>
  noNulString()
    .trim()
    .min(2, `Bitte geben Sie ${label} an.`)
    .max(SEPA_NAME_MAX, `${label} darf für die Überweisung höchstens ${SEPA_NAME_MAX} Zeichen haben.`);

/** BIC: 8 or 11 characters (ISO 9362); optional for SEPA transfers within the EEA. */
const BicSchema = noNulString()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'Der BIC hat 8 oder 11 Zeichen (z. B. COBADEFFXXX).');

export const setPaymentSettingsSchema = z.strictObject({
  rates: RefreshmentRatesSchema,
  /** The municipality's account the money is paid from. */
  debtorName: name('der Name des Kontoinhabers'),
  debtorIban: IbanSchema,
  debtorBic: BicSchema.nullable().default(null),
});
export type SetPaymentSettingsBody = z.infer<typeof setPaymentSettingsSchema>;

export const PaymentSettingsSchema = z
  .object({
    rates: RefreshmentRatesSchema,
    /** Null until the office names its paying account. */
    debtor: z.object({ name: z.string(), iban: z.string(), bic: z.string().nullable() }).readonly().nullable(),
  })
  .readonly();
export type PaymentSettings = z.infer<typeof PaymentSettingsSchema>;

export const setBankAccountSchema = z.strictObject({
  iban: IbanSchema,
  /** Only when the account is not the member's own. */
  accountHolder: name('der Name des Kontoinhabers').nullable().default(null),
});
export type SetBankAccountBody = z.infer<typeof setBankAccountSchema>;

export const BankAccountSchema = z
  .object({ personId: z.string(), ibanMasked: z.string(), accountHolder: z.string().nullable() })
  .readonly();
export type BankAccount = z.infer<typeof BankAccountSchema>;

export const PaymentLineSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    districtNumber: z.string(),
    function: z.enum(BOARD_ROLES),
    amountCents: z.number().int(),
    method: z.enum(['transfer', 'cash']),
    /** Only the last four characters: the full IBAN goes into the transfer file alone. */
    ibanMasked: z.string().nullable(),
  })
  .readonly();
export type PaymentLineView = z.infer<typeof PaymentLineSchema>;

const sum = z.object({ count: z.number().int(), cents: z.number().int() }).readonly();

export const PaymentListSchema = z
  .object({
    electionId: z.string(),
    lines: z.array(PaymentLineSchema).readonly(),
    totalCents: z.number().int(),
    transfer: sum,
    cash: sum,
  })
  .readonly();
export type PaymentListView = z.infer<typeof PaymentListSchema>;

export const sepaTransferSchema = z.strictObject({
  /** The day the bank executes the transfers (`YYYY-MM-DD`). */
  executionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ausführungsdatum im Format JJJJ-MM-TT.'),
});
export type SepaTransferBody = z.infer<typeof sepaTransferSchema>;
