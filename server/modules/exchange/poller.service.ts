import type { PlatformDeps } from '../../platform/deps';
import { DomainError } from '../../platform/http/errors';
import type { Inbound } from './inbound.service';
import { PlatformError, type PlatformTransport } from './platform.transport';

export interface PollState {
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  received: number;
  refused: number;
}

/**
 * Reads what the exchange platform holds for us: each message fetched, stored, and only then
 * acknowledged, so a crash between the two leaves it on the platform to be read again (and
 * recognised by its id). A message that cannot be a document is acknowledged too, and kept in
 * the exchange's log as refused, so it does not block the ones after it.
 */
export function createPlatformPoller(deps: PlatformDeps, platform: PlatformTransport, inbound: Inbound) {
  const state: PollState = { lastPollAt: null, lastSuccessAt: null, lastError: null, received: 0, refused: 0 };
  let running: Promise<number> | null = null;

  async function pollOnce(): Promise<number> {
    state.lastPollAt = deps.clock.now().toISOString();
    let taken = 0;
    try {
      const items = await platform.received();
      for (const item of items) {
        const origin = {
          source: 'platform',
          remoteId: item.id,
          peerId: null,
          secrecy: 'normal',
          via: 'Nhận qua trục liên thông',
        };
        try {
          const bytes = await platform.fetchMessage(item.id);
          if (item.kind === 'status') await inbound.statusFromFile(bytes, origin);
          else await inbound.fromFile(bytes, origin);
          state.received += 1;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          state.refused += 1;
          await inbound.recordRefused(origin, item.from, item.kind, error);
        }
        await platform.acknowledge(item.id);
        taken += 1;
      }
      state.lastSuccessAt = deps.clock.now().toISOString();
      state.lastError = null;
    } catch (error) {
      state.lastError = error instanceof Error ? error.message : String(error);
      if (!(error instanceof PlatformError)) deps.logger.error({ err: error }, 'exchange platform poll failed');
    }
    return taken;
  }

  return {
    state,
    /** One poll; a poll already running is waited for instead of starting another. */
    poll(): Promise<number> {
      if (!running) running = pollOnce().finally(() => (running = null));
      return running;
    },
    /** Resolves once no poll is running (at shutdown, before the database closes). */
    async idle(): Promise<void> {
      await running;
    },
  };
}

export type PlatformPoller = ReturnType<typeof createPlatformPoller>;
