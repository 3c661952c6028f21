import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectionKind } from '@wahl/domain';
import type { z } from 'zod';
import { PLACEHOLDER_SCOPES, placeholdersIn } from './card-placeholders';
import {
  cardLayoutSchema,
  municipalitySchema,
  templateIndexSchema,
  textSetSchema,
  type CardLayoutDefinition,
  type LayoutElement,
  type MunicipalityLetterhead,
  type TextSet,
} from './card-template.schema';
import { validateSvg } from './svg-drawing';

// Reads and checks the templates directory:
//   templates/fonts/DejaVuSans.ttf, DejaVuSans-Bold.ttf
//   templates/polling-cards/index.json          text set per election kind, layouts, municipality
//   templates/polling-cards/municipality.json   letterhead, contact data, seal file
//   templates/polling-cards/texts/<set>.json    texts with {placeholders}, {@other-text}, **bold**
//   templates/polling-cards/layouts/<name>.json element positions per paper format
// The result is plain data (strings, numbers, byte arrays), so it can be posted to worker threads.

export type TemplateImage = { readonly kind: 'svg'; readonly svg: string } | { readonly kind: 'bitmap'; readonly data: Uint8Array };

export type CardTemplate = {
  /** `<text set>/<layout>` */
  readonly id: string;
  readonly layout: CardLayoutDefinition;
  /** Resolved texts: inheritance applied, `{@id}` references expanded. */
  readonly texts: Readonly<Record<string, string>>;
  readonly municipality: MunicipalityLetterhead;
  readonly images: Readonly<Record<string, TemplateImage>>;
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array };
  /** SHA-256 over every input file: a job records it and refuses to resume with other templates. */
  readonly fingerprint: string;
};

export class CardTemplateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Vorlage fehlerhaft: ${problems.join('; ')}`);
  }
}

export type TemplateSelection = {
  readonly templatesDir: string;
  readonly electionKind: ElectionKind;
  /** Layout name (`a4`, `a5`, `postcard`); default from index.json. */
  readonly layout?: string;
};

const TEXT_REFERENCE = /\{@([a-z0-9_]+)\}/g;

class Reader {
  readonly problems: string[] = [];
  private readonly hash = createHash('sha256');

  constructor(private readonly root: string) {}

  bytes(relative: string): Uint8Array | null {
    try {
      const data = readFileSync(join(this.root, relative));
      this.hash.update(relative).update('\0').update(data).update('\0');
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } catch {
      this.problems.push(`${relative}: Datei nicht lesbar`);
      return null;
    }
  }

  json<T>(relative: string, schema: z.ZodType<T>): T | null {
    const data = this.bytes(relative);
    if (!data) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(data).toString('utf8'));
    } catch (error) {
      this.problems.push(`${relative}: kein gültiges JSON (${(error as Error).message})`);
      return null;
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      for (const issue of result.error.issues) this.problems.push(`${relative}: ${issue.path.join('.') || '(Wurzel)'}: ${issue.message}`);
      return null;
    }
    return result.data;
  }

  fingerprint(): string {
    return this.hash.digest('hex');
  }
}

function resolveTextSet(reader: Reader, name: string, seen: readonly string[] = []): Record<string, string> | null {
  if (seen.includes(name)) {
    reader.problems.push(`polling-cards/texts/${name}.json: zyklisches "extends" (${[...seen, name].join(' → ')})`);
    return null;
  }
  const set: TextSet | null = reader.json(`polling-cards/texts/${name}.json`, textSetSchema);
  if (!set) return null;
  const base = set.extends ? resolveTextSet(reader, set.extends, [...seen, name]) : {};
  return base ? { ...base, ...set.texts } : null;
}

function expandReferences(reader: Reader, setName: string, texts: Record<string, string>): Record<string, string> {
  const expanded: Record<string, string> = {};
  const expand = (id: string, path: readonly string[]): string => {
    if (expanded[id] !== undefined) return expanded[id]!;
    if (path.includes(id)) {
      reader.problems.push(`polling-cards/texts/${setName}.json: zyklischer Textverweis ${[...path, id].join(' → ')}`);
      return '';
    }
    const text = texts[id];
    if (text === undefined) {
      reader.problems.push(`polling-cards/texts/${setName}.json: Verweis auf unbekannten Text "{@${id}}" in "${path[path.length - 1]}"`);
      return '';
    }
    const value = text.replace(TEXT_REFERENCE, (_whole, ref: string) => expand(ref, [...path, id]));
    expanded[id] = value;
    return value;
  };
  for (const id of Object.keys(texts)) expand(id, []);
  return expanded;
}

/** The template texts an element shows, before placeholders are filled. */
export function elementTexts(element: LayoutElement, texts: Readonly<Record<string, string>>): string[] {
  switch (element.type) {
    case 'text':
    case 'checkbox':
      return [element.textId !== undefined ? (texts[element.textId] ?? '') : (element.text ?? '')];
    case 'field':
      return [element.label, element.value];
    default:
      return [];
  }
}

function checkLayout(reader: Reader, layout: CardLayoutDefinition, texts: Readonly<Record<string, string>>, images: Set<string>): void {
  const where = `polling-cards/layouts/${layout.name}.json`;
  layout.sheets.forEach((sheet, sheetIndex) => {
    for (const side of ['front', 'back'] as const) {
      sheet[side].forEach((element, index) => {
        const at = `${where}: Blatt ${sheetIndex + 1} ${side === 'front' ? 'Vorderseite' : 'Rückseite'}, Element ${index + 1} (${element.type})`;
        if (element.type === 'text' || element.type === 'checkbox') {
          if ((element.text === undefined) === (element.textId === undefined))
            reader.problems.push(`${at}: genau eines von "text" oder "textId" angeben`);
          if (element.textId !== undefined && texts[element.textId] === undefined)
            reader.problems.push(`${at}: Text "${element.textId}" fehlt im Textsatz`);
        }
        if (element.type === 'image' && !images.has(element.src)) reader.problems.push(`${at}: Bild "${element.src}" nicht gefunden`);
        for (const text of elementTexts(element, texts)) {
          for (const name of placeholdersIn(text)) {
            if (PLACEHOLDER_SCOPES[name] === undefined) reader.problems.push(`${at}: unbekannter Platzhalter {${name}}`);
          }
        }
        const right = 'width' in element && 'x' in element ? element.x + element.width : 0;
        const bottom = 'height' in element && element.height !== undefined && 'y' in element ? element.y + element.height : 0;
        if (right > layout.page.width + 0.01 || bottom > layout.page.height + 0.01) reader.problems.push(`${at}: ragt über den Blattrand`);
      });
    }
  });
}

function loadImage(reader: Reader, relative: string): TemplateImage | null {
  const data = reader.bytes(relative);
  if (!data) return null;
  if (relative.toLowerCase().endsWith('.svg')) {
    const svg = Buffer.from(data).toString('utf8');
    const problems = validateSvg(svg);
    reader.problems.push(...problems.map((problem) => `${relative}: ${problem}`));
    return problems.length === 0 ? { kind: 'svg', svg } : null;
  }
  const png = data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;
  const jpeg = data[0] === 0xff && data[1] === 0xd8;
  if (!png && !jpeg) {
    reader.problems.push(`${relative}: nur SVG, PNG oder JPEG`);
    return null;
  }
  return { kind: 'bitmap', data };
}

/** Loads and validates the template for an election kind and layout; throws CardTemplateError listing every problem. */
export function loadCardTemplate(selection: TemplateSelection): CardTemplate {
  const reader = new Reader(selection.templatesDir);
  const index = reader.json('polling-cards/index.json', templateIndexSchema);
  if (!index) throw new CardTemplateError(reader.problems);
  const setName = index.textSets[selection.electionKind];
  const layoutName = selection.layout ?? index.defaultLayout;
  if (!setName) reader.problems.push(`polling-cards/index.json: kein Textsatz für die Wahlart "${selection.electionKind}"`);
  if (!index.layouts.includes(layoutName))
    reader.problems.push(`polling-cards/index.json: Layout "${layoutName}" nicht aufgeführt (${index.layouts.join(', ')})`);
  if (reader.problems.length > 0) throw new CardTemplateError(reader.problems);

  const municipality = reader.json(`polling-cards/${index.municipality}`, municipalitySchema);
  const rawTexts = resolveTextSet(reader, setName!);
  const layout = reader.json(`polling-cards/layouts/${layoutName}.json`, cardLayoutSchema);
  const regular = reader.bytes('fonts/DejaVuSans.ttf');
  const bold = reader.bytes('fonts/DejaVuSans-Bold.ttf');
  if (!municipality || !rawTexts || !layout || !regular || !bold) throw new CardTemplateError(reader.problems);

  const texts = expandReferences(reader, setName!, rawTexts);
  const images: Record<string, TemplateImage> = {};
  const seal = loadImage(reader, `polling-cards/${municipality.seal}`);
  if (seal) images['seal'] = seal;
  for (const sheet of layout.sheets) {
    for (const element of [...sheet.front, ...sheet.back]) {
      if (element.type === 'image' && element.src !== 'seal' && images[element.src] === undefined) {
        const image = loadImage(reader, `polling-cards/${element.src}`);
        if (image) images[element.src] = image;
      }
    }
  }
  checkLayout(reader, layout, texts, new Set(Object.keys(images)));
  if (reader.problems.length > 0) throw new CardTemplateError(reader.problems);
  return {
    id: `${setName}/${layout.name}`,
    layout,
    texts,
    municipality,
    images,
    fonts: { regular, bold },
    fingerprint: reader.fingerprint(),
  };
}
