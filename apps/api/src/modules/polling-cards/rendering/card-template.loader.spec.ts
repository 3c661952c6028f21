import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ELECTION_KINDS } from '@wahl/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { CardTemplateError, loadCardTemplate } from './card-template.loader';

const templatesDir = join(__dirname, '../../../../../../templates');

describe('loadCardTemplate', () => {
  let copy: string | undefined;
  afterEach(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  });

  const brokenCopy = (edit: (dir: string) => void): string => {
    copy = mkdtempSync(join(tmpdir(), 'wahl-templates-'));
    cpSync(templatesDir, copy, { recursive: true });
    edit(copy);
    return copy;
  };
  const problemsOf = (dir: string, layout = 'a4'): readonly string[] => {
    try {
      loadCardTemplate({ templatesDir: dir, electionKind: 'bundestag', layout });
    } catch (error) {
      if (error instanceof CardTemplateError) return error.problems;
      throw error;
    }
    return [];
  };

  it('should load every election kind in every layout of the shipped templates', () => {
    for (const kind of ELECTION_KINDS) {
      for (const layout of ['a4', 'a5', 'postcard']) {
        const template = loadCardTemplate({ templatesDir, electionKind: kind, layout });
        expect(template.layout.name).toBe(layout);
        expect(template.texts['titel']).toBe('Wahlbenachrichtigung');
        expect(template.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('should resolve inheritance and text references (R3.2: BW ID documents, collection by proxy)', () => {
    const federal = loadCardTemplate({ templatesDir, electionKind: 'bundestag' });
    const council = loadCardTemplate({ templatesDir, electionKind: 'gemeinderat-bw' });
    const mayor = loadCardTemplate({ templatesDir, electionKind: 'buergermeister-bw' });
    expect(federal.id).toBe('federal/a4');
    expect(federal.texts['hinweise']).toContain('**Personalausweis oder Reisepass**');
    expect(federal.texts['hinweise']).toContain('(§ 14 Abs. 4 Bundeswahlgesetz)');
    expect(council.texts['hinweise']).toContain('**gültigen Identitätsausweis**');
    expect(council.texts['hinweise']).not.toContain('Bundeswahlgesetz');
    expect(council.texts['briefwahl_hinweise']).toContain('anderen Wahlbezirk des Wahlgebiets');
    expect(council.texts['briefwahl_hinweise']).toContain('oder die Unterlagen für sie abholt');
    expect(mayor.texts['gueltigkeit']).toContain('Neuwahl');
    expect(council.texts['gueltigkeit']).toBe('');
  });

  it('should report schema errors with the file and JSON path', () => {
    const dir = brokenCopy((root) => {
      const layoutFile = join(root, 'polling-cards/layouts/a4.json');
      const layout = JSON.parse(readFileSync(layoutFile, 'utf8'));
      layout.sheets[0].back.push({ type: 'qr', x: 10, y: 10 });
      writeFileSync(layoutFile, JSON.stringify(layout));
    });
    const backCount = JSON.parse(readFileSync(join(templatesDir, 'polling-cards/layouts/a4.json'), 'utf8')).sheets[0].back.length;
    expect(problemsOf(dir)).toEqual([
      `polling-cards/layouts/a4.json: sheets.0.back.${backCount}.size: Invalid input: expected number, received undefined`,
    ]);
  });

  it('should report unknown placeholders, missing texts, elements off the sheet and unsupported SVG', () => {
    const dir = brokenCopy((root) => {
      const layoutFile = join(root, 'polling-cards/layouts/a4.json');
      const layout = JSON.parse(readFileSync(layoutFile, 'utf8'));
      layout.sheets[0].front.push({ type: 'text', text: 'Hallo {vorname}', x: 10, y: 10, width: 50 });
      layout.sheets[0].front.push({ type: 'text', textId: 'gibt_es_nicht', x: 10, y: 10, width: 50 });
      layout.sheets[0].front.push({ type: 'box', x: 200, y: 10, width: 50, height: 5 });
      writeFileSync(layoutFile, JSON.stringify(layout));
      writeFileSync(join(root, 'polling-cards/seal.svg'), '<svg viewBox="0 0 10 10"><g transform="scale(2)"><circle r="1"/></g></svg>');
    });
    const front = JSON.parse(readFileSync(join(templatesDir, 'polling-cards/layouts/a4.json'), 'utf8')).sheets[0].front as {
      type: string;
    }[];
    const seal = front.findIndex((element) => element.type === 'image') + 1;
    const at = (index: number, type: string): string => `polling-cards/layouts/a4.json: Blatt 1 Vorderseite, Element ${index} (${type})`;
    expect(problemsOf(dir)).toEqual([
      'polling-cards/seal.svg: SVG: Attribut "transform" wird nicht unterstützt',
      `${at(seal, 'image')}: Bild "seal" nicht gefunden`,
      `${at(front.length + 1, 'text')}: unbekannter Platzhalter {vorname}`,
      `${at(front.length + 2, 'text')}: Text "gibt_es_nicht" fehlt im Textsatz`,
      `${at(front.length + 3, 'box')}: ragt über den Blattrand`,
    ]);
  });

  it('should reject a cyclic text set', () => {
    const dir = brokenCopy((root) => {
      const file = join(root, 'polling-cards/texts/federal.json');
      const set = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...set, extends: 'bw-municipal' }));
    });
    expect(problemsOf(dir)).toEqual(['polling-cards/texts/federal.json: zyklisches "extends" (federal → bw-municipal → federal)']);
  });
});
