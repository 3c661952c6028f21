import { z } from 'zod';

// The card templates in `templates/polling-cards/` as data: a layout per paper format (where things
// go, in millimetres from the top-left corner of each side), a text set per election kind (what is
// written, with `{placeholders}` and `**bold**`), and the municipality's letterhead. Editing them
// needs no code change; the loader validates them and fails with every problem listed.

const length = z.number().min(0).max(500);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Farbe als #rrggbb');

/** Conditions that switch an element on per card. */
const when = z.enum(['ersatz']).optional();

const textStyle = {
  /** Font size in points. */
  size: z.number().min(4.5).max(40).default(9),
  /** Baseline distance in points; default 1.25 × size. */
  leading: z.number().min(5).max(60).optional(),
  font: z.enum(['regular', 'bold']).default('regular'),
  align: z.enum(['left', 'center', 'right']).default('left'),
  /** Extra space between paragraphs in points. */
  paragraphGap: z.number().min(0).max(30).default(0),
  color: color.default('#000000'),
};

const textElement = z.strictObject({
  type: z.literal('text'),
  x: length,
  y: length,
  width: length,
  /** Space the text may take; a static text that does not fit is a template error. */
  height: length.optional(),
  /** Literal text, or … */
  text: z.string().optional(),
  /** … the key of a text in the election kind's text set. */
  textId: z.string().optional(),
  /** `shrink`: one line, the font size is reduced (to 4.5 pt at least) until it fits the width. */
  fit: z.enum(['wrap', 'shrink']).default('wrap'),
  when,
  ...textStyle,
});

const boxElement = z.strictObject({
  type: z.literal('box'),
  x: length,
  y: length,
  width: length,
  height: length,
  /** Line width in points; no outline when absent. */
  stroke: z.number().min(0).max(10).optional(),
  strokeColor: color.default('#000000'),
  fill: color.optional(),
  radius: length.default(0),
  when,
});

const lineElement = z.strictObject({
  type: z.literal('line'),
  x1: length,
  y1: length,
  x2: length,
  y2: length,
  stroke: z.number().min(0.05).max(10).default(0.5),
  color: color.default('#000000'),
  /** Dash length in points; solid when absent. */
  dash: z.number().min(0.5).max(20).optional(),
  when,
});

const imageElement = z.strictObject({
  type: z.literal('image'),
  /** `seal` (the municipality's seal or logo) or a PNG/JPEG/SVG file next to the layouts. */
  src: z.string(),
  x: length,
  y: length,
  width: length,
  height: length,
});

const qrElement = z.strictObject({
  type: z.literal('qr'),
  x: length,
  y: length,
  /** Edge of the symbol without quiet zone; keep 4 modules (≈ 2.5 mm) free around it. */
  size: length,
});

const insertCodeElement = z.strictObject({
  type: z.literal('insertCode'),
  x: length,
  y: length,
  /** Module edge in mm; 0.5 mm gives a 7 mm symbol. */
  moduleSize: z.number().min(0.3).max(1.5).default(0.5),
});

const addressFieldElement = z.strictObject({
  type: z.literal('addressField'),
  // R3.6 (DIN 5008 form B): 20 mm from the left, top at 45 mm, 85 × 45 mm, upper zone 17.7 mm.
  x: length,
  y: length,
  width: length,
  height: length,
  upperZone: length,
  /** Address lines: ≥ 8 pt sans-serif (R3.6). */
  size: z.number().min(8).max(12).default(10),
  minSize: z.number().min(8).max(12).default(8),
  leading: z.number().min(8).max(16).default(12),
  /** Return address and endorsement in the upper zone (6 pt tolerated there). */
  upperSize: z.number().min(6).max(9).default(7),
  upperLeading: z.number().min(6).max(12).default(8.5),
  /** Inner left margin in mm, so the text clears the window edge. */
  padding: length.default(5),
});

const fieldElement = z.strictObject({
  type: z.literal('field'),
  /** A labelled form line: small label on top, the (prefilled) value, a rule under it. */
  x: length,
  y: length,
  width: length,
  label: z.string(),
  value: z.string().default(''),
  labelSize: z.number().min(4.5).max(10).default(6.5),
  valueSize: z.number().min(6).max(14).default(10),
});

const checkboxElement = z.strictObject({
  type: z.literal('checkbox'),
  x: length,
  y: length,
  /** Edge of the box in mm. */
  box: length.default(3.5),
  text: z.string().optional(),
  textId: z.string().optional(),
  width: length,
  ...textStyle,
});

export const layoutElementSchema = z.discriminatedUnion('type', [
  textElement,
  boxElement,
  lineElement,
  imageElement,
  qrElement,
  insertCodeElement,
  addressFieldElement,
  fieldElement,
  checkboxElement,
]);
export type LayoutElement = z.infer<typeof layoutElementSchema>;

export const cardLayoutSchema = z.strictObject({
  name: z.string(),
  description: z.string(),
  /** Sheet size in mm. */
  page: z.strictObject({ width: length, height: length }),
  /** One entry per sheet of a piece; each sheet is printed on both sides (duplex). */
  sheets: z
    .array(z.strictObject({ front: z.array(layoutElementSchema), back: z.array(layoutElementSchema) }))
    .min(1)
    .max(9),
});
export type CardLayoutDefinition = z.infer<typeof cardLayoutSchema>;

export const textSetSchema = z.strictObject({
  name: z.string(),
  /** Another text set whose texts this one starts from. */
  extends: z.string().optional(),
  texts: z.record(z.string(), z.string()),
});
export type TextSet = z.infer<typeof textSetSchema>;

export const municipalitySchema = z.strictObject({
  name: z.string(),
  /** Lines under the name in the letterhead, e.g. the office. */
  office: z.string(),
  /** One line, printed in the upper zone of the address field (R3.6). */
  returnAddress: z.string(),
  street: z.string(),
  postalCode: z.string(),
  town: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  officeHours: z.string(),
  /** Seal or logo next to the layouts: SVG (subset, see README), PNG or JPEG. */
  seal: z.string(),
});
export type MunicipalityLetterhead = z.infer<typeof municipalitySchema>;

export const templateIndexSchema = z.strictObject({
  municipality: z.string(),
  /** Text set per election kind. */
  textSets: z.record(z.string(), z.string()),
  layouts: z.array(z.string()).min(1),
  defaultLayout: z.string(),
});
export type TemplateIndex = z.infer<typeof templateIndexSchema>;
