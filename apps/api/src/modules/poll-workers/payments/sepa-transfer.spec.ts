import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPaymentList, DEFAULT_REFRESHMENT_RATES, type ServedSeat } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { SEPA_FORMAT, sepaTransferXml } from './sepa-transfer';

// The transfer file against the ISO 20022 schema of pain.001.001.09 (test/fixtures/sepa/README.md),
// then read back: counts, control sums, amounts, names and IBANs as the bank reads them.

const XSD = readFileSync(join(__dirname, '../../../../../../test/fixtures/sepa/pain.001.001.09.xsd'), 'utf8');

const seat = (familyName: string, fn: ServedSeat['function'], iban: string | null, districtNumber = '0101'): ServedSeat => ({
  personId: `p-${familyName}`,
  familyName,
  givenNames: 'Jürgen',
  districtNumber,
  function: fn,
  iban,
  accountHolder: null,
});

const list = buildPaymentList(
  [
    seat('Müller', 'chair', 'DE89370400440532013000'),
    seat('Öztürk', 'secretary', 'DE02120300000000202051'),
    seat('Bar', 'assessor', null),
    seat('Weiß', 'assessor', 'AT611904300234573201', '0102'),
  ],
  { ...DEFAULT_REFRESHMENT_RATES, secretary: 3010 },
);

const xml = sepaTransferXml({
  messageId: 'EG-20250223-TEST1',
  createdAt: new Date('2025-03-01T10:00:00Z'),
  executionDate: '2025-03-05',
  electionName: 'Bundestagswahl 2025',
  debtor: { name: 'Stadt Wahlingen', iban: 'DE75512108001245126199', bic: 'SOGEDEFFXXX' },
  list,
});

const all = (tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((match) => match[1]!);

describe('SEPA transfer file of the refreshment money', () => {
  it('should be valid against the ISO 20022 schema of pain.001.001.09', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'transfer.xml', contents: xml }],
      schema: [{ fileName: `${SEPA_FORMAT}.xsd`, contents: XSD }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('should carry the three transfers with their sums and leave the cash payment out', () => {
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"');
    // Group header and payment block: 3 transfers, 35.00 + 30.10 + 25.00.
    expect(all('NbOfTxs')).toEqual(['3', '3']);
    expect(all('CtrlSum')).toEqual(['90.10', '90.10']);
    expect(all('InstdAmt')).toEqual(['35.00', '30.10', '25.00']);
    expect(all('IBAN')).toEqual(['DE75512108001245126199', 'DE89370400440532013000', 'DE02120300000000202051', 'AT611904300234573201']);
    expect(all('Nm')).toEqual(['Stadt Wahlingen', 'Stadt Wahlingen', 'Jürgen Müller', 'Jürgen Öztürk', 'Jürgen Weiß']);
    expect(all('EndToEndId')).toEqual(['EG-0101-1', 'EG-0101-2', 'EG-0102-3']);
    expect(all('Ustrd')[0]).toBe('Erfrischungsgeld Bundestagswahl 2025 Wahlbezirk 0101');
    expect(xml).toMatch(/<ReqdExctnDt>\s*<Dt>2025-03-05<\/Dt>\s*<\/ReqdExctnDt>/);
    expect(xml).not.toContain('Bar');
  });

  it('should be refused by the schema when a transfer is broken (the check sees real faults)', async () => {
    const broken = xml.replace('<InstdAmt Ccy="EUR">35.00</InstdAmt>', '<InstdAmt Ccy="EUR">35,00</InstdAmt>');
    const result = await validateXML({
      xml: [{ fileName: 'broken.xml', contents: broken }],
      schema: [{ fileName: `${SEPA_FORMAT}.xsd`, contents: XSD }],
    });
    expect(result.valid).toBe(false);
  });
});
