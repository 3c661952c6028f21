import { refreshmentReference, refreshmentRemittance, sepaName, type PaymentList } from '@wahl/domain';
import { Document as SepaDocument } from 'sepa';

// The SEPA credit transfer file (pain.001.001.09, ISO 20022) of the refreshment money, written by
// sepa.js: a maintained library that builds and checks the message (lengths, IBANs, references)
// for the pain.001 and pain.008 versions banks take, so that no XML is written by hand here.

export const SEPA_FORMAT = 'pain.001.001.09';

export type SepaDebtor = { readonly name: string; readonly iban: string; readonly bic: string | null };

export type SepaTransferInput = {
  readonly messageId: string;
  readonly createdAt: Date;
  readonly executionDate: string;
  readonly electionName: string;
  readonly debtor: SepaDebtor;
  readonly list: PaymentList;
};

/** One payment block with every transfer line of the list; cash lines are left out. */
export function sepaTransferXml(input: SepaTransferInput): string {
  const doc = new SepaDocument(SEPA_FORMAT);
  doc.grpHdr.id = input.messageId;
  doc.grpHdr.created = input.createdAt;
  doc.grpHdr.initiatorName = sepaName(input.debtor.name);

  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = new Date(`${input.executionDate}T12:00:00`);
  info.debtorIBAN = input.debtor.iban;
  info.debtorBIC = input.debtor.bic ?? '';
  info.debtorName = sepaName(input.debtor.name);
  doc.addPaymentInfo(info);

  input.list.lines
    .filter((line) => line.method === 'transfer')
    .forEach((line, index) => {
      const tx = info.createTransaction();
      tx.creditorName = sepaName(line.payee);
      tx.creditorIBAN = line.iban!;
      tx.amount = line.amountCents / 100;
      tx.remittanceInfo = refreshmentRemittance(input.electionName, line);
      tx.end2endId = refreshmentReference(line, index);
      info.addTransaction(tx);
    });
  return doc.toString();
}
