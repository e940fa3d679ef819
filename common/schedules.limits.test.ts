import { describe } from 'vitest';
import { itKeepsLimits, type LimitCase } from './limits.testing';
import { SCHEDULE_LIMITS as S } from './schedules';
import {
  scheduleItemCancelSchema,
  scheduleItemPatchSchema,
  scheduleItemWriteSchema,
  scheduleStepSchema,
} from './schemas/schedules';

const item = { day: '2026-03-02', startTime: '08:00', content: 'Họp Ban Thường vụ' };

const cases: LimitCase[] = [
  ['content', scheduleItemWriteSchema, item, 'content', S.content],
  ['place', scheduleItemWriteSchema, item, 'place', S.place],
  ['lead', scheduleItemWriteSchema, item, 'leadText', S.lead],
  ['attendees', scheduleItemWriteSchema, item, 'attendeesText', S.attendees],
  ['preparers', scheduleItemWriteSchema, item, 'preparersText', S.preparers],
  ['content, changed', scheduleItemPatchSchema, { version: 1 }, 'content', S.content],
  ['what changed', scheduleItemPatchSchema, { version: 1 }, 'changeNote', S.changeNote],
  ['why called off', scheduleItemCancelSchema, { version: 1 }, 'changeNote', S.changeNote],
  ['note on a step', scheduleStepSchema, { version: 1 }, 'note', S.stepNote],
];

describe('the schedule forms stop where the schemas refuse', () => {
  itKeepsLimits(cases);
});
