// The interview page (#/interview/:id): finds the session's token in this browser, loads what the
// server already holds (answer texts and times, for a page that reloaded), then hands over to ChatPage.
import type { SessionView } from '../../src/protocol/http.js';
import { ApiError, getInfo, getSessionView } from '../api.js';
import { emptyChat, reduceChat, type ChatAction } from '../chat-model.js';
import { h } from '../dom.js';
import { getSession } from '../storage.js';
import { ChatPage } from './chat-page.js';
import { announcePage, type Unmount, type ViewContext } from './context.js';
import { errorBox } from './widgets.js';

/** Mounts the interview page for session `id` (its token must be in this browser). */
export function mountChat(root: HTMLElement, ctx: ViewContext, id: string): Unmount {
  const record = getSession(ctx.store, id);
  const heading = h('h1', {}, record?.mode === 'drill' ? 'Drill' : 'Mock interview');
  root.append(heading);
  announcePage(heading, 'Interview');
  if (!record) {
    root.append(errorBox(new Error('This browser holds no interview with that id. Start a new one from the setup page.')));
    return () => undefined;
  }
  let page: ChatPage | undefined;
  let live = true;
  Promise.all([getSessionView(record.id, record.token).catch((e: unknown) => e), getInfo().catch(() => null)]).then(([view, info]) => {
    if (!live) return;
    if (view instanceof ApiError && (view.status === 404 || view.status === 401)) return void root.append(errorBox(view));
    // Any other failure (the server restarting, say) is left to the socket, which retries.
    const known = view instanceof Error ? null : (view as SessionView);
    const initial = reduceChat(emptyChat(), { type: 'known', entries: knownEntries(known) });
    page = new ChatPage({ ctx, record, heading, initial, maxChars: info?.limits.maxAnswerChars ?? null });
    root.append(page.element);
    page.connect();
  });
  return () => {
    live = false;
    page?.dispose();
  };
}

function knownEntries(view: SessionView | null): Extract<ChatAction, { type: 'known' }>['entries'] {
  const entries: Record<number, { text: string; at: number }> = {};
  for (const item of view?.transcript ?? []) entries[item.seq] = { text: item.text, at: Date.parse(item.at) };
  return entries;
}
