import type { Route } from './sandbox-parts.js';

/** The route a request takes, or why there is none (404, or 405 with the methods the path has). */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string[] };

/** Matches a method and path against a route table; `:name` matches one path segment. */
export function createRouter(routes: Route[]): (method: string, pathname: string) => RouteMatch {
  const compiled = routes.map((route) => ({
    route,
    names: [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? ''),
    pattern: new RegExp(`^${route.path.replace(/:\w+/g, '([^/]+)')}$`),
  }));
  return (method, pathname) => {
    const onPath = compiled
      .map((entry) => ({ entry, match: entry.pattern.exec(pathname) }))
      .filter((candidate) => candidate.match !== null);
    if (onPath.length === 0) return { kind: 'not-found' };
    const chosen = onPath.find(({ entry }) => entry.route.method === method);
    if (!chosen) return { kind: 'method-not-allowed', allow: onPath.map(({ entry }) => entry.route.method) };
    const params = Object.fromEntries(
      chosen.entry.names.map((name, index) => [name, decodeURIComponent(chosen.match?.[index + 1] ?? '')]),
    );
    return { kind: 'found', route: chosen.entry.route, params };
  };
}
