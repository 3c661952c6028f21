import type * as Domain from '@wahl/domain';
import type { ContestList, District, Edited, EditedPart, ElectionDefinition } from '@wahl/domain';

// Editing one district or one list in the election editor (issue #12) as a pure view model: the edit
// is put into the whole definition and checked by the domain's own rules (the API runs the same), so a
// problem shows at its field while typing. Fields are named by their path inside the part (`name`,
// `candidates.0.givenNames`).

export type DefinitionRules = {
  validateElectionDefinition(
    doc: unknown,
    mode: { readonly draft?: boolean },
  ): { ok: true } | { ok: false; error: readonly { readonly path: string; readonly message: string }[] };
};

/** The domain's part edits (put a part into the whole definition) and where a part sits in it. */
export type PartRules = DefinitionRules & {
  pathOfPart(doc: ElectionDefinition, part: EditedPart): string;
};

/** What the editor's screens use of the domain (loaded with the screen, the same the API runs). */
export type EditorRules = PartRules &
  Pick<typeof Domain, 'withPollingStation' | 'withArea' | 'withContestHead' | 'withList' | 'withStreet'>;

/** Dotted field of a JSON path (`$.address.postalCode` → `address.postalCode`, `$.segments[1]` → `segments.1`). */
const dotted = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1').replace(/^\$\.?/, '');

/**
 * Problems of one edited part by field: the edit's own (a district left without a room, a changed
 * key) or the definition's rules at the part's place in the whole.
 */
export function partProblems(rules: PartRules, doc: ElectionDefinition, part: EditedPart, edited: Edited): Map<string, string> {
  if (!edited.ok) return new Map(edited.error.map((e) => [dotted(e.path), e.message]));
  return problemsUnder(rules, edited.value, rules.pathOfPart(doc, part));
}

/** Problems the API answered (paths of the request body, e.g. `$.station.address.city`) by field of the form. */
export function answeredProblems(
  errors: readonly { readonly path?: string; readonly message?: string }[],
  bodyPrefix = '',
): Map<string, string> {
  const problems = new Map<string, string>();
  for (const e of errors) {
    const field = dotted(e.path ?? '$');
    problems.set(bodyPrefix && field.startsWith(`${bodyPrefix}.`) ? field.slice(bodyPrefix.length + 1) : field, e.message ?? '');
  }
  return problems;
}

/** Problems under `prefix` (a JSON path), keyed by the rest of the path in dotted form. */
function problemsUnder(rules: DefinitionRules, doc: ElectionDefinition, prefix: string): Map<string, string> {
  const result = rules.validateElectionDefinition(doc, { draft: true });
  const problems = new Map<string, string>();
  if (result.ok) return problems;
  for (const error of result.error) {
    if (error.path !== prefix && !error.path.startsWith(`${prefix}.`) && !error.path.startsWith(`${prefix}[`)) continue;
    const field = error.path
      .slice(prefix.length)
      .replace(/^\./, '')
      .replace(/\[(\d+)\]/g, '.$1')
      .replace(/^\./, '');
    if (!problems.has(field)) problems.set(field, error.message);
  }
  return problems;
}

export function districtProblems(rules: DefinitionRules, doc: ElectionDefinition, number: string, edited: District): Map<string, string> {
  const index = doc.districts.findIndex((d) => d.number === number);
  const districts = doc.districts.map((d, i) => (i === index ? edited : d));
  return problemsUnder(rules, { ...doc, districts }, `$.districts[${index}]`);
}

export function listProblems(
  rules: DefinitionRules,
  doc: ElectionDefinition,
  contestId: string,
  listId: string | null,
  edited: ContestList,
): Map<string, string> {
  const c = doc.contests.findIndex((x) => x.id === contestId);
  const lists = doc.contests[c]?.lists ?? [];
  // A new list (`listId` null) is checked at the end of its ballot's lists, so a key already taken is named.
  const l = listId === null ? lists.length : lists.findIndex((x) => x.id === listId);
  const contests = doc.contests.map((contest, i) =>
    i === c ? { ...contest, lists: [...lists.slice(0, l), edited, ...lists.slice(l + 1)] } : contest,
  );
  return problemsUnder(rules, { ...doc, contests }, `$.contests[${c}].lists[${l}]`);
}

/** A district as the form edits it: empty optional fields are absent, inhabitants a whole number or text the rules refuse. */
export function districtFrom(
  original: District,
  fields: { name: string; pollingStationId: string; area: string; postalDistrict: string; inhabitants: string },
): District {
  const area = fields.area ? { area: fields.area } : {};
  if (original.kind === 'postal') return { number: original.number, name: fields.name, kind: 'postal', ...area };
  const inhabitants = fields.inhabitants.trim();
  return {
    number: original.number,
    name: fields.name,
    kind: 'polling',
    ...area,
    pollingStationId: fields.pollingStationId,
    ...(fields.postalDistrict ? { postalDistrict: fields.postalDistrict } : {}),
    ...(inhabitants ? { inhabitants: (/^\d+$/.test(inhabitants) ? Number(inhabitants) : inhabitants) as number } : {}),
  };
}
