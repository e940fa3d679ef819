import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { dayInVietnam } from '../../platform/clock';
import { vietnameseDateLine } from '../../platform/render/party-document';
import { type Client, ok } from '../../test/documents';
import { pdfText } from '../../test/files';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { createMeeting, makeMeetingWorld, meetingInput } from '../../test/meetings';
import { invitationRenderer } from './invitation.render';

/** The promise, or a failure once `ms` have passed: a register held meanwhile shows as a clear failure, not a hang. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} waited ${ms} ms`)), ms)),
  ]);
}

describe.each(testEngines())('an invitation laid out before its register is held (%s)', (engine) => {
  let t: TestApp;
  /** What happened, in order: the invitation finished, and each statement that takes a number. */
  const events: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(engine, {
      onQuery: (sql) => {
        if (/insert into "register_counters"/.test(sql)) events.push('number taken');
      },
    });
  });
  afterAll(async () => t.close());

  it('lets the register number another paper during the layout, then stamps its own number and date in', async () => {
    const w = await makeMeetingWorld(t);
    // A paper of the same register and type, approved and waiting for its number.
    const { id: paperId } = ok<{ id: string }>(
      await w.specialist.api.post('/api/documents/outgoing', {
        organizationId: w.committee.id,
        typeCode: 'GM',
        summary: 'Giấy mời dự hội nghị sơ kết',
        recipients: [{ kind: 'organization', id: w.cell.id }],
      }),
      201,
    );
    let paper = ok<DocumentView>(
      await w.specialist.api.post(`/api/documents/${paperId}/submit`, { version: 1, leaderId: w.leader.id }),
    );
    paper = ok(await w.leader.api.post(`/api/documents/${paperId}/approve`, { version: paper.version }));

    const id = await createMeeting(w.clerk.api, meetingInput(w, { agenda: [] }));
    const real = invitationRenderer.pdf;
    let numberedDuringLayout: string | null = null;
    let layouts = 0;
    invitationRenderer.pdf = async (...args) => {
      layouts += 1;
      if (layouts > 1) return real(...args);
      // Were the register held while the invitation is laid out, this would wait for ever.
      const issued = ok<DocumentView>(
        await within(
          20_000,
          'numbering during the layout',
          w.clerk.api.post(`/api/documents/${paperId}/issue`, {
            version: paper.version,
            registerId: w.outgoingRegister,
          }),
        ),
      );
      numberedDuringLayout = issued.numberText;
      return real(...args);
    };
    let sent: { invitationNumber: string };
    try {
      sent = ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister }));
    } finally {
      invitationRenderer.pdf = real;
    }
    // Gapless and in the order taken: the paper numbered during the layout first, the invitation next.
    expect(numberedDuringLayout).toBe('01-GM/HU');
    expect(sent.invitationNumber).toBe('02-GM/HU');
    // It was made with 01, the number expected before the paper took it, then made again with 02.
    expect(layouts).toBe(2);

    // The PDF sent, as stored, reads its number and its date.
    const delegate = w.delegates[0]?.api as Client;
    const stored = await delegate.get(`/api/meetings/${id}/files/${id}-gm`);
    expect(stored.statusCode).toBe(200);
    const text = await pdfText(stored.rawPayload);
    expect(text).toContain('Số 02-GM/HU');
    expect(text).toContain(vietnameseDateLine('Đồng Văn', dayInVietnam(t.deps.clock.now())));
    expect(text).toContain('GIẤY MỜI');
  });

  it('is made whole with the number it will get before the register is held, when nobody is numbered in between', async () => {
    const w = await makeMeetingWorld(t);
    const id = await createMeeting(w.clerk.api, meetingInput(w, { agenda: [] }));
    const real = invitationRenderer.pdf;
    let layouts = 0;
    invitationRenderer.pdf = async (...args) => {
      layouts += 1;
      const unstamped = await real(...args);
      return {
        stamp: async (numbered) => {
          const pdf = await unstamped.stamp(numbered);
          events.push(`made with ${numbered.numberText}`);
          return pdf;
        },
      };
    };
    let sent: { invitationNumber: string };
    events.length = 0;
    try {
      sent = ok(await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId: w.outgoingRegister }));
    } finally {
      invitationRenderer.pdf = real;
    }
    expect(sent.invitationNumber).toBe('01-GM/HU');
    expect(layouts).toBe(1);
    // Made, and only then the number taken: the register is not held while the PDF is written.
    expect(events).toEqual(['made with Số 01-GM/HU', 'number taken']);
    const delegate = w.delegates[0]?.api as Client;
    const text = await pdfText((await delegate.get(`/api/meetings/${id}/files/${id}-gm`)).rawPayload);
    expect(text).toContain('Số 01-GM/HU');
  });
});
