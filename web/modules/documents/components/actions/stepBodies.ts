import type { Dayjs } from 'dayjs';
import type { DocumentAction } from '../../../../../common/schemas/documents';
import type { ActionDialogKind } from './actionLabel';

/**
 * The document's action buttons and the requests their simpler dialogs send, kept apart
 * from the components so they can be checked without a browser.
 */

/** What a step's dialog holds; each step uses a few of these. */
export interface StepValues {
  note?: string;
  reason?: string;
  leaderId?: string;
  uploadIds?: string[];
  registerId?: string;
  userIds?: string[];
  dueDate?: Dayjs | null;
  percent?: number | null;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** The request body of each step with a dialog of the simple kind (the version is added by the dialog). */
export const stepBodies = {
  submit: (v: StepValues) => ({ leaderId: v.leaderId, note: v.note || undefined }),
  return: (v: StepValues) => ({ reason: v.reason }),
  recall: (v: StepValues) => ({ reason: v.reason }),
  update_outside: (v: StepValues) => ({ reason: v.reason }),
  complete: (v: StepValues) => ({ note: v.note || undefined, uploadIds: v.uploadIds ?? [] }),
  comment: (v: StepValues) => ({ note: v.note || undefined, uploadIds: v.uploadIds ?? [] }),
  attach: (v: StepValues) => ({ uploadIds: v.uploadIds ?? [] }),
  approve: (v: StepValues) => ({ note: v.note || undefined }),
  issue: (v: StepValues) => ({ registerId: v.registerId }),
  dispatch: (_: StepValues) => ({}),
  withdraw: (v: StepValues) => ({ reason: v.reason?.trim() || undefined }),
  remind: (_: StepValues) => ({}),
  extend: (v: StepValues) => ({ dueDate: day(v.dueDate), note: v.note || undefined }),
  grant: (v: StepValues) => ({ userIds: v.userIds }),
  request_extension: (v: StepValues) => ({ dueDate: day(v.dueDate), reason: v.reason }),
  report_progress: (v: StepValues) => ({ note: v.note, percent: v.percent ?? undefined }),
} satisfies Record<
  Exclude<ActionDialogKind, 'direct' | 'reassign' | 'delete' | 'decide_extension'>,
  (v: StepValues) => object
>;

/** The order buttons appear in: the step that moves the document on comes first. */
const ORDER: ActionDialogKind[] = [
  'submit',
  'direct',
  'approve',
  'issue',
  'dispatch',
  'decide_extension',
  'complete',
  'report_progress',
  'request_extension',
  'reassign',
  'extend',
  'attach',
  'comment',
  'grant',
  'remind',
  'withdraw',
  'update_outside',
  'return',
  'recall',
  'delete',
];
const NEEDS_PEOPLE = new Set<ActionDialogKind>(['submit', 'direct', 'reassign', 'grant']);
const DANGER = new Set<ActionDialogKind>(['return', 'recall', 'delete']);
const ASIDE = new Set<ActionDialogKind>(['attach', 'comment', 'grant', 'remind', 'withdraw', 'update_outside']);

export interface ActionButton {
  action: ActionDialogKind;
  primary: boolean;
  danger: boolean;
}

/**
 * The buttons for the actions the server allows, in order. Only a step that moves the
 * document on is the primary button; adding files, a comment or a grant never is.
 */
export function actionButtons(allowed: readonly DocumentAction[]): ActionButton[] {
  const available = ORDER.filter((a) => allowed.includes(a));
  const primary = available.find((a) => !DANGER.has(a) && !ASIDE.has(a));
  return available.map((action) => ({ action, primary: action === primary, danger: DANGER.has(action) }));
}

/** Whether the action's dialog picks among the document's people (leaders, handlers, readers). */
export const needsPeople = (action: ActionDialogKind): boolean => NEEDS_PEOPLE.has(action);
