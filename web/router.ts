// Hash routes of the single page: setup, an interview, a report, the history. Pure parsing.

export type Route =
  | { view: 'setup' }
  | { view: 'interview'; id: string }
  | { view: 'report'; id: string }
  | { view: 'history' }
  | { view: 'progress' };

/** The route of a location hash; unknown hashes fall back to the setup page. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [, first, second] = path.split('/');
  if (first === 'history') return { view: 'history' };
  if (first === 'progress') return { view: 'progress' };
  if ((first === 'interview' || first === 'report') && second) return { view: first, id: decodeURIComponent(second) };
  return { view: 'setup' };
}

/** The hash of a route, the inverse of parseRoute. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'setup':
      return '#/';
    case 'history':
      return '#/history';
    case 'progress':
      return '#/progress';
    case 'interview':
    case 'report':
      return `#/${route.view}/${encodeURIComponent(route.id)}`;
  }
}
