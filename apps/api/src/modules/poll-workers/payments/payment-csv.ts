import type { PaymentLine, PaymentList } from '@wahl/domain';
import { csvCell } from '../../roll/import/register-import.service';

const HEADER = ['wahlbezirk', 'funktion', 'familienname', 'vornamen', 'betrag_eur', 'zahlweg', 'kontoinhaber', 'iban'];

export const FUNCTION_LABELS: Readonly<Record<PaymentLine['function'], string>> = {
  chair: 'Wahlvorsteher/in',
  'deputy-chair': 'stellv. Wahlvorsteher/in',
  secretary: 'Schriftführer/in',
  'deputy-secretary': 'stellv. Schriftführer/in',
  assessor: 'Beisitzer/in',
};

/** Euros with a decimal comma, as German spreadsheets read them. */
const euros = (cents: number): string => (cents / 100).toFixed(2).replace('.', ',');

/** The payment list as `;`-separated CSV (UTF-8 with BOM), with a total line; the office's file for the cash office. */
export function paymentListCsv(list: PaymentList): string {
  const lines = [HEADER.join(';')];
  for (const line of list.lines) {
    lines.push(
      [
        line.districtNumber,
        FUNCTION_LABELS[line.function],
        line.familyName,
        line.givenNames,
        euros(line.amountCents),
        line.method === 'transfer' ? 'Überweisung' : 'bar',
        line.method === 'transfer' ? line.payee : '',
        line.iban ?? '',
      ]
        .map(csvCell)
        .join(';'),
    );
  }
  lines.push(['', 'Summe', '', '', euros(list.totalCents), '', '', ''].join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
