import { ELECTION_KINDS } from '@wahl/domain';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

// The certificate (Wahlschein) and the address labels as data in `templates/postal-voting/`: positions
// in millimetres from the top-left corner, texts with `{placeholders}` and `**bold**`. Editing them
// needs no code change; a template with unknown placeholders or a bad shape is refused with every
// problem listed. Fonts: DejaVu Sans in `templates/fonts/` (all German glyphs, embedded).

export const POSTAL_TEMPLATE_DIR = 'templates/postal-voting';
export const FONT_FILES = { regular: 'templates/fonts/DejaVuSans.ttf', bold: 'templates/fonts/DejaVuSans-Bold.ttf' } as const;

/** Placeholders a certificate text may use; values come from the election, the roll entry and the certificate. */
export const CERTIFICATE_PLACEHOLDERS = [
  'wahlamt',
  'wahlamt_anschrift',
  'ruecksendeangabe',
  'gemeinde',
  'wahl',
  'wahltag',
  'wahlkreis',
  'gebiet',
  'nummer',
  'name',
  'geburtsdatum',
  'strasse_hausnummer',
  'plz_ort',
  'anschrift',
  'wahlbezirk',
  'wahlbezirk_name',
  'waehlernummer',
  'briefwahlbezirk',
  'ausgestellt_am',
  'ausgestellt_von',
  'versand',
] as const;
export type CertificateValues = Readonly<Record<(typeof CERTIFICATE_PLACEHOLDERS)[number], string>>;

const length = z.number().min(0).max(300);

const textElement = z.strictObject({
  type: z.literal('text'),
  x: length,
  y: length,
  width: length,
  height: length.optional(),
  size: z.number().min(5).max(40).default(9),
  align: z.enum(['left', 'center', 'right']).default('left'),
  paragraphGap: z.number().min(0).max(20).default(0),
  text: z.string().min(1),
});
const boxElement = z.strictObject({
  type: z.literal('box'),
  x: length,
  y: length,
  width: length,
  height: length,
  stroke: z.number().min(0.1).max(5).default(0.5),
});
const lineElement = z.strictObject({
  type: z.literal('line'),
  x1: length,
  y1: length,
  x2: length,
  y2: length,
  dash: z.number().min(0).max(20).optional(),
});
const sealElement = z.strictObject({ type: z.literal('seal'), x: length, y: length, size: length });

const certificateTemplateSchema = z.strictObject({
  name: z.string(),
  seal: z.string().optional(),
  /** Where the certificate entitles to vote, per election kind (`{gebiet}`). */
  area: z.strictObject(
    Object.fromEntries(ELECTION_KINDS.map((kind) => [kind, z.string().min(1)])) as Record<(typeof ELECTION_KINDS)[number], z.ZodString>,
  ),
  elements: z.array(z.discriminatedUnion('type', [textElement, boxElement, lineElement, sealElement])).min(1),
});
export type CertificateTemplate = z.infer<typeof certificateTemplateSchema> & { readonly sealSvg: string | null };
export type CertificateElement = CertificateTemplate['elements'][number];

const labelTemplateSchema = z.strictObject({
  name: z.string(),
  columns: z.number().int().min(1).max(6),
  rows: z.number().int().min(1).max(20),
  labelWidth: z.number().min(30).max(210),
  labelHeight: z.number().min(15).max(297),
  marginTop: z.number().min(0).max(50),
  marginLeft: z.number().min(0).max(50),
  padding: z.number().min(0).max(20),
  size: z.number().min(7).max(14),
  senderSize: z.number().min(5).max(10),
  sender: z.string(),
  collectionNote: z.string().min(1),
});
export type LabelTemplate = z.infer<typeof labelTemplateSchema>;

export class PostalTemplateError extends Error {}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

function unknownPlaceholders(texts: readonly string[]): string[] {
  const known = new Set<string>(CERTIFICATE_PLACEHOLDERS);
  return [...new Set(texts.flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1]!)))].filter((name) => !known.has(name));
}

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new PostalTemplateError(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(Datei)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Loads and checks the certificate template (every call: an edited template counts at once). */
export function loadCertificateTemplate(dir: string = resolve(POSTAL_TEMPLATE_DIR)): CertificateTemplate {
  const file = resolve(dir, 'wahlschein.json');
  const template = parse(certificateTemplateSchema, file);
  const texts = [...template.elements.flatMap((e) => (e.type === 'text' ? [e.text] : [])), ...Object.values(template.area)];
  const unknown = unknownPlaceholders(texts);
  if (unknown.length) throw new PostalTemplateError(`${file}: unbekannte Platzhalter ${unknown.map((n) => `{${n}}`).join(', ')}`);
  const sealSvg = template.seal ? readFileSync(resolve(dirname(file), template.seal), 'utf8') : null;
  return { ...template, sealSvg };
}

export function loadLabelTemplate(dir: string = resolve(POSTAL_TEMPLATE_DIR)): LabelTemplate {
  const file = resolve(dir, 'labels.json');
  const template = parse(labelTemplateSchema, file);
  const unknown = unknownPlaceholders([template.sender]);
  if (unknown.length) throw new PostalTemplateError(`${file}: unbekannte Platzhalter ${unknown.map((n) => `{${n}}`).join(', ')}`);
  return template;
}

export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

let fontCache: { regular: Buffer; bold: Buffer } | null = null;
export function fonts(): { regular: Buffer; bold: Buffer } {
  fontCache ??= { regular: readFileSync(resolve(FONT_FILES.regular)), bold: readFileSync(resolve(FONT_FILES.bold)) };
  return fontCache;
}
