// The web app's entry: picks the view for the location hash and swaps views as it changes.
import { parseRoute, routeHash, type Route } from './router.js';
import { browserStore } from './storage.js';
import type { ViewContext } from './views/context.js';
import { mountSetup } from './views/setup.js';
import { mountChat } from './views/chat.js';
import { mountReportPage } from './views/report-page.js';
import { mountHistory } from './views/history.js';
import { mountProgress } from './views/progress.js';
import { claimStoredSessions } from './claim.js';

const main = document.getElementById('main') as HTMLElement;
const store = browserStore();
let unmount: (() => void) | undefined;

const context: ViewContext = {
  store,
  navigate: (route: Route) => {
    const hash = routeHash(route);
    if (location.hash === hash) show();
    else location.hash = hash;
  },
};

function show(): void {
  unmount?.();
  main.replaceChildren();
  const route = parseRoute(location.hash);
  switch (route.view) {
    case 'setup':
      unmount = mountSetup(main, context);
      break;
    case 'interview':
      unmount = mountChat(main, context, route.id);
      break;
    case 'report':
      unmount = mountReportPage(main, context, route.id);
      break;
    case 'history':
      unmount = mountHistory(main, context);
      break;
    case 'progress':
      unmount = mountProgress(main, context);
      break;
  }
  const current = route.view === 'setup' || route.view === 'history' || route.view === 'progress' ? routeHash(route) : null;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.site-nav a')) {
    if (link.getAttribute('href') === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', show);
// Sessions this browser held before profiles become the profile's; the page shows meanwhile.
void claimStoredSessions(store);
show();
