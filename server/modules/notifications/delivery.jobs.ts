import { DEFAULT_MUTED } from '../../../common/schemas/notifications';
import type { Config } from '../../platform/config/config';
import type { PlatformDeps } from '../../platform/deps';
import { newId } from '../../platform/ids';
import { enqueue, type JobHandler } from '../../platform/jobs/jobs';
import { MailSendError } from '../../platform/mail/mail.errors';
import { type MailSender, mailSenderFromConfig } from '../../platform/mail/outgoing';
import { createFileOutbox } from '../../platform/sms/file-outbox';
import { createHttpJsonProvider } from '../../platform/sms/http-json';
import type { SmsProvider } from '../../platform/sms/provider';
import { createSmsSender } from '../../platform/sms/sms';
import { fitOneSegment, toSmsText } from '../../platform/sms/text';
import * as repo from './notifications.repository';

/** Job kinds of the notification channels. */
export const DELIVER = 'notification.deliver';
export const EMAIL = 'notification.email';
export const SMS = 'notification.sms';

type Channel = 'email' | 'sms';

const DEFAULT_SETTINGS = {
  email_enabled: 1,
  sms_enabled: 1,
  quiet_from: '21:00',
  quiet_to: '07:00',
  muted: JSON.stringify(DEFAULT_MUTED),
};

/** `HH:mm` → minutes after midnight. */
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When an SMS may go: now, or the end of the quiet hours (Vietnam, UTC+7) when now is
 * inside them. Quiet hours may run over midnight (21:00–07:00).
 */
export function smsTime(now: Date, quietFrom: string, quietTo: string): Date {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const m = local.getUTCHours() * 60 + local.getUTCMinutes();
  const [from, to] = [minutes(quietFrom), minutes(quietTo)];
  if (from === to) return now;
  const inside = from < to ? m >= from && m < to : m >= from || m < to;
  if (!inside) return now;
  const wait = (to - m + 24 * 60) % (24 * 60);
  return new Date(now.getTime() + wait * 60_000 - local.getUTCSeconds() * 1000);
}

/** What an e-mail or SMS says: the notification's own words, or only that there is news when secret. */
function wording(n: { title: string; body: string | null; sensitive: number }) {
  if (n.sensitive) {
    return { subject: 'Bạn có thông báo mới trên VanPhong', text: 'Có nội dung mật cần đồng chí xem trên hệ thống.' };
  }
  return { subject: n.title, text: n.body ?? '' };
}

function providerOf(config: Config, logger: PlatformDeps['logger']): SmsProvider | null {
  switch (config.sms.provider) {
    case 'off':
      return null;
    case 'outbox':
      return createFileOutbox({ dir: config.sms.dir });
    case 'http':
      return createHttpJsonProvider({
        url: config.sms.url,
        apiKey: config.sms.apiKey,
        secretKey: config.sms.secretKey,
        brandname: config.sms.brandname,
        ...(config.publicUrl && config.sms.callbackToken
          ? { callbackUrl: `${config.publicUrl}/api/sms/report?token=${encodeURIComponent(config.sms.callbackToken)}` }
          : {}),
        logger,
      });
  }
}

/**
 * The channels behind in-app notifications, as job handlers: one job per notification
 * decides the channels from the person's settings, then one job per channel sends,
 * each retried on its own and never sent twice (the job key is the provider's request id).
 */
export function createNotificationChannels(
  deps: PlatformDeps,
  options: { mail?: MailSender | null; sms?: SmsProvider | null } = {},
) {
  const db = deps.database.db;
  const { config } = deps;
  const mail = options.mail !== undefined ? options.mail : mailSenderFromConfig(config);
  const provider = options.sms !== undefined ? options.sms : providerOf(config, deps.logger);
  const sms = provider ? createSmsSender({ provider, maxSegments: 1 }) : null;
  const link = (path: string | null) => (path ? `${config.publicUrl ?? ''}${path}` : (config.publicUrl ?? ''));

  async function mark(
    id: string,
    patch: { status: string; error?: string | null; provider_id?: string | null; segments?: number | null },
  ) {
    await repo.updateDelivery(db, id, { ...patch, updated_at: deps.clock.now().toISOString() });
  }

  async function deliveryOf(payload: unknown) {
    const { deliveryId } = payload as { deliveryId: string };
    return repo.findDelivery(db, deliveryId);
  }

  const deliver: JobHandler = async (payload) => {
    const { notificationId } = payload as { notificationId: string };
    const n = await repo.findForDelivery(db, notificationId);
    if (!n || n.disabled) return;
    const settings = {
      email_enabled: n.email_enabled ?? DEFAULT_SETTINGS.email_enabled,
      sms_enabled: n.sms_enabled ?? DEFAULT_SETTINGS.sms_enabled,
      quiet_from: n.quiet_from ?? DEFAULT_SETTINGS.quiet_from,
      quiet_to: n.quiet_to ?? DEFAULT_SETTINGS.quiet_to,
      muted: JSON.parse(n.muted ?? DEFAULT_SETTINGS.muted) as string[],
    };
    const now = deps.clock.now();
    const wanted: { channel: Channel; address: string | null; enabled: boolean; configured: boolean }[] = [
      {
        channel: 'email',
        address: n.user_email ?? n.person_email ?? null,
        enabled: settings.email_enabled === 1,
        configured: !!mail,
      },
      { channel: 'sms', address: n.phone ?? null, enabled: settings.sms_enabled === 1, configured: !!sms },
    ];
    await deps.transact(async ({ trx }) => {
      for (const w of wanted) {
        if (!w.enabled || !w.configured || settings.muted.includes(`${n.kind}:${w.channel}`)) continue;
        const id = newId();
        const at = now.toISOString();
        const status = w.address ? 'queued' : 'skipped';
        const inserted = await repo.insertDelivery(trx, {
          id,
          notification_id: n.id,
          user_id: n.user_id,
          channel: w.channel,
          address: w.address,
          status,
          provider_id: null,
          segments: null,
          error: w.address ? null : w.channel === 'email' ? 'Chưa có địa chỉ thư' : 'Chưa có số điện thoại',
          created_at: at,
          updated_at: at,
        });
        if (!w.address || !inserted) continue;
        await enqueue(
          trx,
          {
            kind: w.channel === 'email' ? EMAIL : SMS,
            key: `${w.channel}:${n.id}`,
            payload: { deliveryId: id },
            runAt: w.channel === 'sms' ? smsTime(now, settings.quiet_from, settings.quiet_to) : now,
          },
          now,
        );
      }
    });
  };

  const email: JobHandler = async (payload, job) => {
    const d = await deliveryOf(payload);
    if (d?.status !== 'queued' || !mail) return;
    const words = wording(d);
    try {
      await mail.send({
        messageId: `<${job.idempotency_key.replace(/[^A-Za-z0-9.-]/g, '.')}@${config.mail.domain}>`,
        to: [d.address as string],
        subject: `[VanPhong] ${words.subject}`.slice(0, 250),
        text: `${words.text}\n\nXem trên VanPhong: ${link(d.link)}\n\nThư gửi tự động từ hệ thống văn phòng điện tử; xin đừng trả lời thư này.`,
      });
      await mark(d.id, { status: 'sent', error: null });
    } catch (error) {
      if (error instanceof MailSendError && error.retryable) {
        await mark(d.id, { status: 'queued', error: error.message.slice(0, 1000) });
        throw error;
      }
      await mark(d.id, { status: 'failed', error: (error as Error).message.slice(0, 1000) });
    }
  };

  const text: JobHandler = async (payload, job) => {
    const d = await deliveryOf(payload);
    if (d?.status !== 'queued' || !sms) return;
    const words = wording(d);
    const content = fitOneSegment(toSmsText(`VanPhong: ${words.subject}`), 160);
    try {
      const sent = await sms.send({ requestId: job.idempotency_key, phone: d.address as string, text: content });
      if (sent.result.accepted) {
        await mark(d.id, { status: 'sent', provider_id: sent.result.providerId, segments: sent.segments, error: null });
      } else if (sent.result.retryable) {
        await mark(d.id, { status: 'queued', error: `${sent.result.code}: ${sent.result.message}`.slice(0, 1000) });
        throw new Error(`SMS provider: ${sent.result.code}`);
      } else {
        await mark(d.id, {
          status: 'failed',
          segments: sent.segments,
          error: `${sent.result.code}: ${sent.result.message}`.slice(0, 1000),
        });
      }
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('sms.')) {
        // A number or text the rules refuse: retrying will not help.
        await mark(d.id, { status: 'failed', error: (error as Error).message.slice(0, 1000) });
        return;
      }
      throw error;
    }
  };

  return {
    handlers: { [DELIVER]: deliver, [EMAIL]: email, [SMS]: text } as Record<string, JobHandler>,
    /** A delivery report from the SMS provider: the delivery's status follows it; a repeat changes nothing. */
    async report(body: unknown) {
      const parsed = provider?.parseReport?.(body);
      if (!parsed?.providerId) return false;
      await repo.updateSmsDeliveryByProviderId(db, parsed.providerId, {
        status: parsed.status,
        error: parsed.status === 'failed' ? parsed.code : null,
        updated_at: deps.clock.now().toISOString(),
      });
      return true;
    },
    close: () => mail?.close(),
  };
}
export type NotificationChannels = ReturnType<typeof createNotificationChannels>;
