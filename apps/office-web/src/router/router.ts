// Client routes under the app's base path. The API answers deep links under /office/ with
// index.html (apps/api/src/create-app.ts), so every route here is also a shareable address.
// Patterns are German page addresses; `:name` segments are parameters (ids), `board` is the
// address printed on the access-code sheets (access-codes.service.ts) and stays as it is.
const PATTERNS = {
  overview: '',
  'sign-in': 'anmelden',
  board: 'board',
  'board-district': 'board/:districtId',
  'election-new': 'wahlen/neu',
  'election-editor': 'wahlen/:electionId/bearbeiten',
  'election-night': 'wahlen/:electionId/wahlabend',
  'report-entry': 'wahlen/:electionId/wahlabend/bezirke/:districtId/erfassen',
  'report-correction': 'wahlen/:electionId/wahlabend/bezirke/:districtId/korrektur',
  roll: 'wahlen/:electionId/waehlerverzeichnis',
  'polling-cards': 'wahlen/:electionId/wahlbenachrichtigungen',
  'postal-office': 'wahlen/:electionId/briefwahl',
  'repeat-notices': 'wahlen/:electionId/briefwahl/wiederholte-antraege',
  users: 'benutzer',
  'pull-sources': 'aemter/:officeId/registerabruf',
  retention: 'wahlen/:electionId/aufbewahrung',
  webhooks: 'wahlen/:electionId/webhooks',
  rehearsal: 'wahlen/:electionId/probe',
  'polling-day': 'wahlen/:electionId/wahltag',
  'poll-workers': 'wahlen/:electionId/wahlhelfer',
  'poll-worker-duties': 'wahlen/:electionId/wahlhelfer/schreiben-und-geld',
} as const;

export type RouteName = keyof typeof PATTERNS;
export type RouteParams = Readonly<Record<string, string>>;
export type Route = { readonly name: RouteName; readonly params: RouteParams } | { readonly name: 'not-found'; readonly path: string };

const trimSlashes = (value: string): string => value.replace(/^\/+|\/+$/g, '');

function match(pattern: string, path: string): RouteParams | null {
  const expected = pattern === '' ? [] : pattern.split('/');
  const actual = path === '' ? [] : path.split('/');
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index]!;
    if (segment.startsWith(':')) {
      if (!value) return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (segment !== value) return null;
  }
  return params;
}

export function parseRoute(pathname: string, base: string): Route {
  const baseTrimmed = trimSlashes(base);
  let rest = trimSlashes(pathname);
  if (baseTrimmed && (rest === baseTrimmed || rest.startsWith(`${baseTrimmed}/`))) rest = trimSlashes(rest.slice(baseTrimmed.length));
  else if (baseTrimmed) return { name: 'not-found', path: pathname };
  for (const name of Object.keys(PATTERNS) as RouteName[]) {
    const params = match(PATTERNS[name], rest);
    if (params) return { name, params };
  }
  return { name: 'not-found', path: pathname };
}

export function hrefFor(name: RouteName, base: string, params: RouteParams = {}): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const path = PATTERNS[name]
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const value = params[segment.slice(1)];
      if (value === undefined) throw new Error(`route ${name} needs the parameter ${segment.slice(1)}`);
      return encodeURIComponent(value);
    })
    .join('/');
  return `${prefix}${path}`;
}
