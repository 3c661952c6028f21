import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BOARD_ROLES } from '@wahl/domain';
import { z } from 'zod';
import { placeholdersIn } from '../../polling-cards/rendering/card-placeholders';
import { municipalitySchema, type MunicipalityLetterhead } from '../../polling-cards/rendering/card-template.schema';

// The appointment letter's wording as data (templates/poll-worker-letters/letter.json), like the
// polling cards' texts: checked before every run; a problem stops the run with all problems named.

export const LETTER_PLACEHOLDERS = [
  'gemeinde',
  'wahlamt',
  'wahlamt_anschrift',
  'telefon',
  'email',
  'wahl',
  'wahltag',
  'name',
  'funktion',
  'wahlbezirk',
  'wahlbezirk_name',
  'wahlraum',
  'wahlraum_anschrift',
  'wahlzeit',
  'treffzeit',
  'schulung',
  'erfrischungsgeld',
  'antwortfrist',
  'zeichen',
] as const;

const text = z.string().min(1);
const letterTemplateSchema = z.strictObject({
  municipality: text,
  meetingTime: text,
  votingHours: text,
  replyDays: z.number().int().min(1).max(60),
  functions: z.strictObject(
    Object.fromEntries(BOARD_ROLES.map((role) => [role, text])) as Record<(typeof BOARD_ROLES)[number], typeof text>,
  ),
  subject: text,
  salutation: text,
  paragraphs: z.array(text).min(1),
  noStation: text,
  noTraining: text,
  signInTitle: text,
  signInText: text,
  replyTitle: text,
  replyOptions: z.array(text).min(1).max(4),
  closing: text,
});

export type LetterTexts = z.infer<typeof letterTemplateSchema>;
export type LetterTemplate = { readonly texts: LetterTexts; readonly municipality: MunicipalityLetterhead; readonly fontsDir: string };

export class LetterTemplateError extends Error {}

const KNOWN = new Set<string>(LETTER_PLACEHOLDERS);

/** Loads and checks `poll-worker-letters/letter.json` under the templates folder. */
export function loadLetterTemplate(templatesDir: string): LetterTemplate {
  const file = join(templatesDir, 'poll-worker-letters', 'letter.json');
  const problems: string[] = [];
  const parsed = letterTemplateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new LetterTemplateError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const texts = parsed.data;
  const all = [
    texts.subject,
    texts.salutation,
    ...texts.paragraphs,
    texts.signInText,
    texts.replyTitle,
    ...texts.replyOptions,
    texts.closing,
  ];
  for (const name of all.flatMap(placeholdersIn)) if (!KNOWN.has(name)) problems.push(`Unbekannter Platzhalter {${name}}`);
  if (problems.length) throw new LetterTemplateError([...new Set(problems)].join('; '));
  const municipality = municipalitySchema.parse(JSON.parse(readFileSync(join(dirname(file), texts.municipality), 'utf8')));
  return { texts, municipality, fontsDir: join(templatesDir, 'fonts') };
}
