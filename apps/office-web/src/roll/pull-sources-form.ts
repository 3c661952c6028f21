// The allow-list form of the register pull (issue #17, 8): one address per line, checked in the
// browser by the API's own schema (RegisterPullSourcesSchema, loaded with the screen), so the office
// sees the same German message at the line it belongs to before anything is sent.

/** What the form needs of a zod schema (structural, so this file imports no validator). */
export type UrlListSchema = {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } };
};
type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** A problem of the list: at a line of the text (1-based), or of the list as a whole (line null). */
export type LineProblem = { readonly line: number | null; readonly message: string };

/** The addresses of the text: every non-empty line, trimmed, with its line number. */
export function addressLines(text: string): { readonly urls: string[]; readonly lines: number[] } {
  const urls: string[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const url = raw.trim();
    if (!url) return;
    urls.push(url);
    lines.push(index + 1);
  });
  return { urls, lines };
}

export function listProblems(text: string, schema: UrlListSchema): LineProblem[] {
  const { urls, lines } = addressLines(text);
  const result = schema.safeParse({ urls });
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const index = issue.path[0] === 'urls' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
    return { line: index === null ? null : lines[index]!, message: issue.message };
  });
}
