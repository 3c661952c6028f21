// Client routes under the app's base path. The API answers deep links under /office/ with
// index.html (apps/api/src/create-app.ts), so every route here is also a shareable address.
export type RouteName = 'overview' | 'sign-in';
export type Route = { readonly name: RouteName } | { readonly name: 'not-found'; readonly path: string };

const PATHS: Readonly<Record<RouteName, string>> = { overview: '', 'sign-in': 'anmelden' };

const trimSlashes = (value: string): string => value.replace(/^\/+|\/+$/g, '');

export function parseRoute(pathname: string, base: string): Route {
  const baseTrimmed = trimSlashes(base);
  let rest = trimSlashes(pathname);
  if (baseTrimmed && (rest === baseTrimmed || rest.startsWith(`${baseTrimmed}/`))) rest = trimSlashes(rest.slice(baseTrimmed.length));
  else if (baseTrimmed) return { name: 'not-found', path: pathname };
  const name = (Object.keys(PATHS) as RouteName[]).find((candidate) => PATHS[candidate] === rest);
  return name ? { name } : { name: 'not-found', path: pathname };
}

export function hrefFor(name: RouteName, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${PATHS[name]}`;
}
