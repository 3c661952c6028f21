import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CardRecord, ElectionKind, MailPiece } from '@wahl/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardJob } from '../../apps/api/src/modules/polling-cards/rendering/card-document';
import { compileLayout } from '../../apps/api/src/modules/polling-cards/rendering/card-layout.compiler';
import { loadCardTemplate } from '../../apps/api/src/modules/polling-cards/rendering/card-template.loader';
import { renderLotToBuffer } from '../../apps/api/src/modules/polling-cards/rendering/lot-renderer';
import { hasTools, pdfTextLayout, readQrCodes, renderPageGray } from '../support/poppler';

// One card per layout and election kind, read back with poppler: the wording the election kind
// requires (R3.1, R3.2) and the address inside the layout's address field.

const templatesDir = join(__dirname, '../../templates');
const PT_PER_MM = 72 / 25.4;
const TOOLS = hasTools('pdftotext', 'pdftoppm', 'zbarimg');

const record: CardRecord = {
  voterNumber: 1234,
  familyName: 'Groß',
  givenNames: 'Zoë',
  nameLines: ['Frau', 'Zoë Groß'],
  street: 'Königsträßle',
  houseNumber: '4/1',
  postalCode: '71990',
  town: 'Wahlingen',
  district: { number: '0304', name: 'Neckarvorstadt' },
  pollingStation: {
    id: 'neckarhalle',
    name: 'Neckarhalle',
    barrierFree: true,
    openingHours: '08:00–18:00',
    address: { street: 'Uferweg', houseNumber: '2', postalCode: '71990', city: 'Wahlingen' },
  },
  applicationUrl: 'https://wahlingen.example/b/AAAAAAAAAAAAAAAAAAAAAA',
};
const piece: MailPiece = { piece: 1, record };

const jobFor = (kind: ElectionKind, name: string, electionDay: string, deadline: string): CardJob => ({
  jobNumber: 7,
  election: { kind, name, electionDay, postalApplicationDeadline: deadline },
  createdAt: new Date(Date.UTC(2024, 3, 1)),
});
const federal = jobFor('bundestag', 'Wahl zum 22. Deutschen Bundestag', '2025-02-23', '2025-02-21');
const council = jobFor('gemeinderat-bw', 'Wahl des Gemeinderats', '2024-06-09', '2024-06-07');

describe.skipIf(!TOOLS)('card layouts read back', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wahl-card-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const render = async (kind: ElectionKind, layout: string, job: CardJob): Promise<string> => {
    const template = loadCardTemplate({ templatesDir, electionKind: kind, layout });
    const file = join(dir, `${kind}-${layout}.pdf`);
    writeFileSync(file, await renderLotToBuffer(template, compileLayout(template), job, [piece]));
    return file;
  };
  const fullText = (file: string, page: number): string =>
    pdfTextLayout(file, { first: page, last: page })[0]!
      .lines.map((line) => line.text)
      .join('\n');

  it('should print the BW municipal wording (R3.2) and the federal wording (R3.1)', async () => {
    const bw = await render('gemeinderat-bw', 'a4', council);
    const front = fullText(bw, 1);
    expect(front).toContain('für die Wahl des Gemeinderats');
    expect(front).toContain('am Sonntag, 9. Juni 2024');
    expect(front).toContain('gültigen Identitätsausweis');
    expect(front).not.toContain('Bundeswahlgesetz');
    const back = fullText(bw, 2);
    expect(back).toContain('Wahlbezirk des Wahlgebiets');
    expect(back).toContain('Freitag, 7. Juni 2024, 18:00 Uhr');
    const bund = fullText(await render('bundestag', 'a4', federal), 1);
    expect(bund).toContain('Personalausweis oder Reisepass');
    expect(bund).toContain('§ 14 Abs. 4 Bundeswahlgesetz');
    expect(bund).toContain('kein Wahlschein');
    expect(bund).toContain('Der Wahlraum ist barrierefrei zugänglich.');
  });

  const addressBox = async (layout: string): Promise<{ xMin: number; yMin: number; xMax: number; yMax: number; lines: string[] }> => {
    const file = await render('bundestag', layout, federal);
    const lines = pdfTextLayout(file, { first: 1, last: 1 })[0]!.lines.filter((line) =>
      ['Frau', 'Zoë Groß', 'Königsträßle 4/1', '71990 Wahlingen'].includes(line.text),
    );
    return {
      xMin: Math.min(...lines.map((line) => line.xMin)) / PT_PER_MM,
      yMin: Math.min(...lines.map((line) => line.yMin)) / PT_PER_MM,
      xMax: Math.max(...lines.map((line) => line.xMax)) / PT_PER_MM,
      yMax: Math.max(...lines.map((line) => line.yMax)) / PT_PER_MM,
      lines: lines.map((line) => line.text),
    };
  };

  it('should keep the A5 address in the DIN 5008 form B field (lower zone 62.7–90 mm, 20–105 mm)', async () => {
    const box = await addressBox('a5');
    expect(box.lines).toEqual(['Frau', 'Zoë Groß', 'Königsträßle 4/1', '71990 Wahlingen']);
    expect(box.xMin).toBeCloseTo(25, 0);
    expect(box.yMin).toBeGreaterThanOrEqual(62.7 - 0.5);
    expect(box.yMax).toBeLessThanOrEqual(90 + 0.5);
    expect(box.xMax).toBeLessThanOrEqual(105 + 0.5);
  });

  it('should put the postcard address on the right half, clear of the bottom 15 mm, with a readable QR code', async () => {
    const box = await addressBox('postcard');
    expect(box.lines).toEqual(['Frau', 'Zoë Groß', 'Königsträßle 4/1', '71990 Wahlingen']);
    expect(box.xMin).toBeGreaterThanOrEqual(79 - 0.5);
    expect(box.xMax).toBeLessThanOrEqual(148 - 5);
    expect(box.yMin).toBeGreaterThanOrEqual(50 - 0.5);
    expect(box.yMax).toBeLessThanOrEqual(105 - 15);
    const image = join(dir, 'postcard.pgm');
    writeFileSync(image, renderPageGray(join(dir, 'bundestag-postcard.pdf'), 1, 300));
    expect(readQrCodes(image)).toEqual([record.applicationUrl]);
  });
});
