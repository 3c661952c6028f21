import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAppointmentLetters, type LetterSeat } from './appointment-letter.pdf';
import { loadLetterTemplate } from './letter-template';

// The letter read back as text (pdftotext, poppler-utils) and its QR code (zbarimg): what the member
// must find on paper is there, page by page.

const TEMPLATES = join(__dirname, '../../../../../../templates');
const TOOLS = ['pdftotext', 'pdftoppm', 'zbarimg'].every((tool) => spawnSync(tool, ['-v']).error === undefined);
const folder = mkdtempSync(join(tmpdir(), 'letters-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const seat = (over: Partial<LetterSeat>): LetterSeat => ({
  reference: 'A1B2C3D4',
  person: { familyName: 'Özdemir', givenNames: 'Ayşe', street: 'Lindenweg 3', postalCode: '71990', city: 'Wahlingen' },
  function: 'chair',
  district: { number: '0102', name: 'Altstadt Nord', station: { name: 'Grundschule am Markt', address: 'Marktplatz 4, 71990 Wahlingen' } },
  training: {
    startsAt: new Date('2025-02-12T17:00:00Z'),
    endsAt: new Date('2025-02-12T19:00:00Z'),
    place: 'Rathaus, Großer Saal',
    address: 'Marktplatz 1',
  },
  amountCents: 3500,
  code: 'K7QM-2XWD-9HTA',
  signInUrl: 'https://wahl.example/office/board?code=K7QM-2XWD-9HTA',
  ...over,
});

describe.skipIf(!TOOLS)('appointment letter PDF', () => {
  it('should print name, station, function, training, money and the personal code on each letter', async () => {
    const template = loadLetterTemplate(TEMPLATES);
    const pdf = await renderAppointmentLetters(template, {
      electionName: 'Bundestagswahl 2025',
      electionDay: '2025-02-23',
      letterDay: '2025-01-20',
      createdAt: new Date('2025-01-20T09:00:00Z'),
      seats: [
        seat({}),
        seat({
          reference: 'FFEE0011',
          person: { familyName: 'Klein', givenNames: 'Max', street: 'Bahnhofstr. 9', postalCode: '71990', city: 'Wahlingen' },
          function: 'assessor',
          training: null,
          amountCents: 2500,
          district: { number: '0901', name: 'Briefwahl 1', station: null },
          code: 'ABCD-EFGH-JKMN',
          signInUrl: 'https://wahl.example/office/board?code=ABCD-EFGH-JKMN',
        }),
      ],
    });
    const file = join(folder, 'letters.pdf');
    writeFileSync(file, pdf);
    const pages = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .stdout.split('\f')
      .filter((page) => page.trim());
    // One duplex sheet per letter: the letter in front, code and reply slip on the back.
    expect(pages).toHaveLength(4);
    const [first, second] = [pages[0]! + pages[1]!, pages[2]! + pages[3]!].map((page) => page.replace(/\s+/g, ' '));
    expect(first).toContain('Ayşe Özdemir');
    expect(first).toContain('Berufung in den Wahlvorstand – Bundestagswahl 2025 am Sonntag, 23. Februar 2025');
    expect(first).toContain('Wahlbezirk 0102 (Altstadt Nord) als Wahlvorsteherin/Wahlvorsteher');
    expect(first).toContain('Grundschule am Markt, Marktplatz 4, 71990 Wahlingen');
    expect(first).toContain('Mittwoch, 12. Februar 2025, 18:00 bis 20:00 Uhr, Rathaus, Großer Saal');
    expect(first).toContain('35,00 €');
    expect(first).toContain('K7QM-2XWD-9HTA');
    expect(first).toContain('Rückmeldung bis 30.01.2025');
    expect(first).toContain('Zeichen A1B2C3D4');
    expect(second).toContain('Max Klein');
    expect(second).toContain('als Beisitzerin/Beisitzer');
    expect(second).toContain('Den Ort teilen wir Ihnen gesondert mit');
    expect(second).toContain('Eine Einladung zur Schulung erhalten Sie gesondert.');
    expect(second).toContain('ABCD-EFGH-JKMN');
    expect(second).not.toContain('K7QM');

    spawnSync('pdftoppm', ['-r', '150', '-gray', '-f', '2', '-l', '2', '-png', file, join(folder, 'page')]);
    const qr = spawnSync('zbarimg', ['-q', '--raw', join(folder, 'page-2.png')], { encoding: 'utf8' }).stdout.trim();
    expect(qr).toBe('https://wahl.example/office/board?code=K7QM-2XWD-9HTA');
  });
});
