/**
 * The code of the pages a person opens most, as functions the router and the home page
 * share: the router starts one when a navigation begins (its loaders), and the home page,
 * once usable, fetches those of the person's own sections in the background, one after
 * the other, so the first list or document opened later comes from the cache instead of
 * over a slow link. Nothing is fetched ahead when the browser asks to save data.
 */
export const pageCode = {
  home: () => import('../modules/home/pages/HomePage'),
  incoming: () => import('../modules/documents/pages/IncomingPage'),
  outgoing: () => import('../modules/documents/pages/OutgoingPage'),
  document: () => import('../modules/documents/pages/DocumentPage'),
  queue: () => import('../modules/documents/pages/QueuePage'),
  meetings: () => import('../modules/meetings/pages/MeetingsPage'),
  myMeetings: () => import('../modules/meetings/pages/MyMeetingsPage'),
  meeting: () => import('../modules/meetings/pages/MeetingPage'),
};

type PageName = keyof typeof pageCode;

/** What a person with these menu sections most likely opens next from the home page, most likely first. */
function likelyNext(sections: readonly string[]): PageName[] {
  const next: PageName[] = [];
  if (sections.includes('incoming')) next.push('incoming', 'document', 'queue');
  else if (sections.includes('outgoing')) next.push('outgoing', 'document', 'queue');
  if (sections.includes('meetings')) next.push('myMeetings', 'meeting');
  return next;
}

let warmed = false;

/** Fetches, once per page load and one at a time, the code of the pages this person most likely opens next. */
export function warmLikelyPages(sections: readonly string[]): void {
  if (warmed) return;
  warmed = true;
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return;
  const start = () => {
    void (async () => {
      for (const name of likelyNext(sections)) await pageCode[name]().catch(() => undefined);
    })();
  };
  // After the page's own work: when the browser is idle, or soon on one that cannot say.
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 2_000 });
  else setTimeout(start, 500);
}
