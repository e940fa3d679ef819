import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentEventKinds } from './modules/documents/documents.contract';
import { SEND_JOB } from './modules/exchange/outbound.service';
import { MAIL_SEND } from './modules/mailbox/compose.service';
import { mailboxEventKinds } from './modules/mailbox/mailbox.contract';
import { meetingEventKinds } from './modules/meetings/meetings.contract';
import { DELIVER, EMAIL, SMS } from './modules/notifications/delivery.jobs';
import { scheduleEventKinds } from './modules/schedules/schedules.contract';
import { createTestApp, type TestApp } from './test/harness';

/** What start-up checks, stated: every event heard, every job kind handled once. */
describe('the composition root', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  const emitted = [...documentEventKinds, ...meetingEventKinds, ...scheduleEventKinds, ...mailboxEventKinds];

  it('gives every event a module emits at least one subscriber', () => {
    const unheard = emitted.filter((kind) => t.deps.events.subscribersOf(kind).length === 0);
    expect(unheard).toEqual([]);
    expect(emitted.length).toBeGreaterThan(20);
  });

  it('tells people and counts the paper of the steps that deliver paperwork', () => {
    expect(t.deps.events.subscribersOf('document.dispatched')).toEqual(
      expect.arrayContaining([expect.stringMatching(/notif/i), expect.stringMatching(/saving|paper/i)]),
    );
    expect(t.deps.events.subscribersOf('meeting.invitation_sent')).toEqual(
      expect.arrayContaining([expect.stringMatching(/notif/i), expect.stringMatching(/saving|paper/i)]),
    );
    expect(t.deps.events.subscribersOf('mail.delivered').length).toBeGreaterThan(0);
  });

  it('has one handler for each kind of job the product queues, and nothing else', () => {
    const kinds = Object.keys(t.jobHandlers).sort();
    for (const kind of [MAIL_SEND, DELIVER, EMAIL, SMS, SEND_JOB]) expect(kinds).toContain(kind);
    const durable = kinds.filter((k) => k.startsWith('event:'));
    for (const kind of durable) {
      const [, event, subscriber] = kind.split(':');
      expect(t.deps.events.subscribersOf(event as (typeof emitted)[number])).toContain(subscriber);
    }
    expect(kinds.length).toBe(5 + durable.length);
  });
});
