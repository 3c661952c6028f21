import type { CreateElectionRequest, ElectionSource } from '@wahl/contracts';
import type { ElectionDeadlines, ElectionKind, Municipality } from '@wahl/domain';

// The form "Neue Wahl anlegen" (issue #12) as a pure view model. The deadlines are proposed by the
// domain (R0.1, `deriveDeadlines`) from kind and day and follow them until the clerk changes one;
// only changed deadlines are sent. Problems come from the API's own rules, loaded with the screen:
// the request schema of the contract, then the draft definition's rules of the domain (Sunday,
// deadlines before the day), so the form names the same field with the same German text.

export type DeadlineKey = keyof ElectionDeadlines;

export type NewElectionValues = {
  readonly kind: ElectionKind;
  readonly name: string;
  readonly electionDay: string;
  /** What the date fields show, proposed or typed. */
  readonly deadlines: Readonly<Record<DeadlineKey, string>>;
  /** The deadlines the clerk typed; the others follow the proposal. */
  readonly edited: ReadonlySet<DeadlineKey>;
  readonly source: ElectionSource;
};

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** What the form needs of the domain and the contract (structural, so this file imports no validator). */
export type ElectionRules = {
  readonly ELECTION_KINDS: readonly ElectionKind[];
  readonly DEADLINE_KEYS: readonly DeadlineKey[];
  deriveDeadlines(kind: ElectionKind, electionDay: string): ElectionDeadlines;
  isIsoDate(value: string): boolean;
  emptyDraft(head: Pick<CreateElectionRequest, 'kind' | 'name' | 'electionDay' | 'deadlines'>, municipality: Municipality): unknown;
  validateElectionDefinition(
    doc: unknown,
    mode: { readonly draft?: boolean },
  ): { ok: true } | { ok: false; error: readonly { readonly path: string; readonly message: string }[] };
  readonly CreateElectionRequestSchema: {
    safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } };
  };
};

/** Field of a problem: `$.deadlines.cardDeadline` or `['deadlines', 'cardDeadline']` → `deadlines.cardDeadline`; the whole request → ''. */
export function fieldOf(path: string | readonly PropertyKey[]): string {
  if (typeof path === 'string') return path.replace(/^\$\.?/, '').replace(/\[(\d+)\]/g, '.$1');
  return path.map(String).join('.');
}

const EMPTY_DEADLINES = (rules: ElectionRules): Record<DeadlineKey, string> =>
  Object.fromEntries(rules.DEADLINE_KEYS.map((key) => [key, ''])) as Record<DeadlineKey, string>;

/** The R0.1 proposal for kind and day; empty fields while the day is not a date. */
export function proposedDeadlines(rules: ElectionRules, kind: ElectionKind, electionDay: string): Record<DeadlineKey, string> {
  return rules.isIsoDate(electionDay) ? { ...rules.deriveDeadlines(kind, electionDay) } : EMPTY_DEADLINES(rules);
}

export function initialValues(rules: ElectionRules, kind: ElectionKind): NewElectionValues {
  return { kind, name: '', electionDay: '', deadlines: EMPTY_DEADLINES(rules), edited: new Set(), source: { from: 'empty' } };
}

/** After kind or day changed: every deadline the clerk did not type follows the new proposal. */
export function followProposal(rules: ElectionRules, values: NewElectionValues): NewElectionValues {
  const proposal = proposedDeadlines(rules, values.kind, values.electionDay);
  const deadlines = { ...proposal };
  for (const key of values.edited) deadlines[key] = values.deadlines[key];
  return { ...values, deadlines };
}

/** The clerk typed a deadline; typing the proposal back (or clearing it) makes it follow again. */
export function editDeadline(rules: ElectionRules, values: NewElectionValues, key: DeadlineKey, value: string): NewElectionValues {
  const proposal = proposedDeadlines(rules, values.kind, values.electionDay);
  const edited = new Set(values.edited);
  if (value === '' || value === proposal[key]) edited.delete(key);
  else edited.add(key);
  return { ...values, edited, deadlines: { ...values.deadlines, [key]: value === '' ? proposal[key] : value } };
}

export function toRequest(values: NewElectionValues): CreateElectionRequest {
  const overrides = Object.fromEntries([...values.edited].map((key) => [key, values.deadlines[key]]));
  return {
    kind: values.kind,
    name: values.name.trim(),
    electionDay: values.electionDay,
    ...(values.edited.size > 0 ? { deadlines: overrides } : {}),
    source: values.source,
  };
}

/** Every problem of the form by field (see fieldOf), as the API would answer it. */
export function formProblems(rules: ElectionRules, values: NewElectionValues, municipality: Municipality): Map<string, string> {
  const request = toRequest(values);
  const problems = new Map<string, string>();
  const parsed = rules.CreateElectionRequestSchema.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) if (!problems.has(fieldOf(issue.path))) problems.set(fieldOf(issue.path), issue.message);
    return problems;
  }
  const checked = rules.validateElectionDefinition(rules.emptyDraft(request, municipality), { draft: true });
  if (!checked.ok)
    for (const error of checked.error) if (!problems.has(fieldOf(error.path))) problems.set(fieldOf(error.path), error.message);
  return problems;
}
