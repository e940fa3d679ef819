import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { actionButtons, needsPeople, stepBodies } from './stepBodies';

describe('the document actions', () => {
  it('shows the allowed actions in their order, the step that moves the document on as the primary button', () => {
    expect(actionButtons(['comment', 'return', 'approve', 'edit', 'attach'])).toEqual([
      { action: 'approve', primary: true, danger: false },
      { action: 'attach', primary: false, danger: false },
      { action: 'comment', primary: false, danger: false },
      { action: 'return', primary: false, danger: true },
    ]);
  });

  it('never makes adding files, a comment, a grant or a withdrawal the primary button, nor a danger one', () => {
    const buttons = actionButtons(['withdraw', 'grant', 'comment', 'attach', 'remind', 'recall', 'delete']);
    expect(buttons.filter((b) => b.primary)).toEqual([]);
    expect(buttons.filter((b) => b.danger).map((b) => b.action)).toEqual(['recall', 'delete']);
  });

  it('shows no button for editing or replying (they open the drafting form) nor when nothing is allowed', () => {
    expect(actionButtons(['edit', 'reply'])).toEqual([]);
    expect(actionButtons([])).toEqual([]);
  });

  it('loads the document people only for the dialogs that pick among them', () => {
    expect(['submit', 'direct', 'reassign', 'grant'].every((a) => needsPeople(a as 'submit'))).toBe(true);
    expect(needsPeople('approve')).toBe(false);
    expect(needsPeople('comment')).toBe(false);
  });
});

describe('the requests of the step dialogs', () => {
  it('sends the leader chosen on submit, and no empty note', () => {
    expect(stepBodies.submit({ leaderId: 'u-1', note: '' })).toEqual({ leaderId: 'u-1', note: undefined });
    expect(stepBodies.submit({ leaderId: 'u-1', note: 'Kính trình' })).toEqual({ leaderId: 'u-1', note: 'Kính trình' });
  });

  it('sends files with a completion or a comment, none when none were added', () => {
    expect(stepBodies.complete({ note: 'Đã xong', uploadIds: ['up-1'] })).toEqual({
      note: 'Đã xong',
      uploadIds: ['up-1'],
    });
    expect(stepBodies.comment({})).toEqual({ note: undefined, uploadIds: [] });
    expect(stepBodies.attach({})).toEqual({ uploadIds: [] });
  });

  it('sends new due dates as calendar days', () => {
    expect(stepBodies.extend({ dueDate: dayjs('2026-12-31'), note: '' })).toEqual({
      dueDate: '2026-12-31',
      note: undefined,
    });
    expect(stepBodies.request_extension({ dueDate: dayjs('2027-01-15'), reason: 'Chờ ý kiến' })).toEqual({
      dueDate: '2027-01-15',
      reason: 'Chờ ý kiến',
    });
  });

  it('sends the reason of a return, and a withdrawal reason only when it says something', () => {
    expect(stepBodies.return({ reason: 'Sai thể thức' })).toEqual({ reason: 'Sai thể thức' });
    expect(stepBodies.withdraw({ reason: '   ' })).toEqual({ reason: undefined });
    expect(stepBodies.withdraw({ reason: ' Nhầm ' })).toEqual({ reason: 'Nhầm' });
  });

  it('sends the register to number in, the readers granted, and the progress made', () => {
    expect(stepBodies.issue({ registerId: 'reg-1', note: 'ignored' })).toEqual({ registerId: 'reg-1' });
    expect(stepBodies.grant({ userIds: ['u-1', 'u-2'] })).toEqual({ userIds: ['u-1', 'u-2'] });
    expect(stepBodies.report_progress({ note: 'Đang làm', percent: null })).toEqual({
      note: 'Đang làm',
      percent: undefined,
    });
    expect(stepBodies.report_progress({ note: 'Gần xong', percent: 80 })).toEqual({ note: 'Gần xong', percent: 80 });
    expect(stepBodies.dispatch({ note: 'x' })).toEqual({});
  });
});
