import { noNulString } from '../common/text';
import { ibanProblems, normalizeIban } from './iban-check';

export { ibanProblems, normalizeIban } from './iban-check';

/** A SEPA IBAN as typed (spaces allowed), normalised; refused with the German reason. */
export const IbanSchema = noNulString()
  .max(42, 'Eine IBAN hat höchstens 34 Zeichen.')
  .transform(normalizeIban)
  .superRefine((iban, context) => {
    for (const message of ibanProblems(iban)) context.addIssue({ code: 'custom', message });
  });
