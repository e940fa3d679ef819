/**
 * Names shared by the page and the service worker. Nothing here imports React or antd: the
 * worker and the framework-free sign-in page load these modules too.
 */

/** The app shell of one release (index.html, sign-in.html, the files they load, icons). */
export const SHELL_CACHE_PREFIX = 'vp-shell-';
/** Hashed files of one release, precached and lazily loaded ones (bounded). */
export const ASSETS_CACHE_PREFIX = 'vp-assets-';
/** A person's meeting papers kept for reading with no signal: packages and their files. */
export const PAPERS_CACHE = 'vp-papers';
/** Whose papers these are: a sign-in by someone else, or a sign-out, deletes them. */
export const OWNER_KEY = '/__vp/offline-owner';
/** The Background Sync tag that sends queued replies once the signal is back. */
export const REPLY_SYNC_TAG = 'vp-replies';

/** `/api/meetings/:id/offline` and `/api/meetings/:id/files/:fileId`: what the papers cache may answer. */
export const PAPER_URL = /^\/api\/meetings\/([^/]+)\/(offline|files\/[^/]+)$/;

export const packageUrl = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/offline`;

/** Messages the page sends the worker. */
export type ToWorker =
  | { type: 'skip-waiting' }
  /** Chunks the offline reader needs, fetched while online so it opens with no signal. */
  | { type: 'keep-assets'; urls: string[] };
