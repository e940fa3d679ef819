import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type PlatformClient, startExchangePlatform } from '../../cli/exchange-platform/server';
import { buildPackage, type OutgoingAttachment } from './edxml.render';
import type { PackageModel } from './edxml.rules';
import { createPlatformTransport } from './platform.transport';

export const VPCP = '000.00.00.G22';
export const HA_GIANG = '000.00.01.H29';
export const CAO_BANG = '000.00.02.H30';

export const CLIENTS: PlatformClient[] = [
  { clientId: 'vpcp', secret: 'bí-mật-vpcp-8f3a', agencyId: VPCP },
  { clientId: 'hagiang', secret: 'secret-hg-27c1', agencyId: HA_GIANG },
  { clientId: 'caobang', secret: 'secret-cb-91d0', agencyId: CAO_BANG },
];

export function packageModel(from = VPCP, to: string[] = [HA_GIANG]): PackageModel {
  return {
    header: {
      from: { organId: from, organName: 'Văn phòng Chính phủ' },
      to: to.map((organId) => ({ organId, organName: `Cơ quan ${organId}` })),
      code: { codeNumber: '12', codeNotation: 'BC-VPCP' },
      promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-12-07' },
      documentType: { type: '3', typeName: 'Báo cáo' },
      subject: 'Báo cáo tổng hợp',
      signerInfo: { fullName: 'Trần Văn Bình' },
      toPlaces: [],
      otherInfo: { priority: 0 },
    },
    traces: [],
  };
}

export async function packageBytes(model: PackageModel, attachments: OutgoingAttachment[] = []): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of buildPackage(model, attachments)) pieces.push(piece);
  return Buffer.concat(pieces);
}

export async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces);
}

/** A stand-in platform in a fresh directory; `restart()` starts it again on the same port and directory. */
export async function standIn(options: { tokenTtlSeconds?: number } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'platform-'));
  let running = await startExchangePlatform({ ...options, port: 0, dir, clients: CLIENTS });
  const port = Number(new URL(running.url).port);
  return {
    dir,
    url: running.url,
    async stop() {
      await running.close();
    },
    async restart() {
      await running.close();
      running = await startExchangePlatform({ ...options, port, dir, clients: CLIENTS });
    },
    async dispose() {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A transport for one of `CLIENTS`, with the requests it made counted by path and status. */
export function clientOf(url: string, clientId: string, extra: { secret?: string; timeoutMs?: number } = {}) {
  const client = CLIENTS.find((c) => c.clientId === clientId);
  if (!client) throw new Error(clientId);
  const calls: { path: string; status: number }[] = [];
  const counting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    calls.push({ path: new URL(String(input)).pathname, status: response.status });
    return response;
  };
  const transport = createPlatformTransport({
    baseUrl: url,
    clientId,
    clientSecret: extra.secret ?? client.secret,
    fetch: counting,
    ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
  });
  return { transport, calls, tokens: () => calls.filter((c) => c.path === '/oauth/token').length };
}
