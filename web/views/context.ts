// What every view gets from the app shell.
import type { Route } from '../router.js';
import type { KeyValueStore } from '../storage.js';

export interface ViewContext {
  store: KeyValueStore;
  navigate(route: Route): void;
}

/** Mounts a view into `root`; the returned function stops its timers and sockets. */
export type Unmount = () => void;

/** Sets the page title and moves focus to the view's heading, so screen readers announce the new page. */
export function announcePage(heading: HTMLElement, title: string): void {
  document.title = `${title} · Probe`;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: false });
}
