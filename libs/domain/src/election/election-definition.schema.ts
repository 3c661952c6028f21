import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { formatJsonPath } from './definition-path';
import type { ElectionDefinition } from './election-definition.types';
import { crossFieldIssues, viewOfBroken, viewOfValid } from './election-definition.rules';
import {
  draftStructureSchema,
  germanMessage,
  structuralIssues,
  structureSchema,
  typedStructureSchema,
  type Issue,
} from './election-definition.structure';

export type DefinitionError = {
  /** JSON path of the offending value, e.g. `$.districts[3].number`. */
  readonly path: string;
  /** German, for the office staff. */
  readonly message: string;
};

/**
 * The whole rule set as one zod schema (structure and cross-field rules). Parse with
 * `{ error: electionDefinitionErrorMap }` for German messages, or use validateElectionDefinition.
 */
export const electionDefinitionErrorMap = germanMessage;

export const electionDefinitionSchema: z.ZodType<ElectionDefinition> = typedStructureSchema.superRefine((doc, ctx) => {
  for (const issue of crossFieldIssues(viewOfValid(doc))) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
});

const toErrors = (issues: readonly Issue[]): DefinitionError[] => issues.map((i) => ({ path: formatJsonPath(i.path), message: i.message }));

export type ValidationMode = {
  /** An election in preparation: no district or contest is needed yet; every other rule holds. */
  readonly draft?: boolean;
};

/** Checks a document against every rule and returns all errors at once, each with its JSON path. */
export function validateElectionDefinition(doc: unknown, mode: ValidationMode = {}): Result<ElectionDefinition, DefinitionError[]> {
  const parsed = (mode.draft ? draftStructureSchema : structureSchema).safeParse(doc, { error: germanMessage });
  if (parsed.success) {
    const issues = crossFieldIssues(viewOfValid(parsed.data));
    return issues.length ? err(toErrors(issues)) : ok(parsed.data);
  }
  return err(toErrors([...structuralIssues(parsed.error.issues), ...crossFieldIssues(viewOfBroken(doc))]));
}

let jsonSchema: Record<string, unknown> | undefined;

/** JSON Schema (draft 2020-12) of the document structure, for editors and other tools. Cross-field rules are not expressible there. */
export function electionDefinitionJsonSchema(): Record<string, unknown> {
  jsonSchema ??= z.toJSONSchema(
    structureSchema.meta({
      title: 'Wahldefinition',
      description:
        'Beschreibt eine Wahl einer Gemeinde (schemaVersion 1): Wahlräume, Wahlbezirke, Stimmzettel mit Wahlvorschlägen, Straßenverzeichnis und Vorwahlergebnisse. ' +
        'Zusätzliche Regeln (eindeutige Kennungen, aufgelöste Verweise, Wahltag ein Sonntag, überschneidungsfreie Hausnummernbereiche, Kumulieren) prüft der Import.',
    }),
    { target: 'draft-2020-12' },
  ) as Record<string, unknown>;
  return jsonSchema;
}
