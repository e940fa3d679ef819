import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { Clock } from '../clock';
import { loadTrustStore, type TrustStore } from '../pdf-signatures/trust';
import { type PdfSignaturesReport, verifyPdfSignatures } from '../pdf-signatures/verify';
import type { OpenedFile } from './send-file';

/** Signature checks kept in memory, per file and state of the trust directory. */
const CHECKED_KEPT = 500;
/** Signature checks running at once in this process, each with its file in memory. */
const CHECKS_AT_ONCE = 2;

/** Names, sizes and times of every file in the trust directory's folders: changes when anything does. */
function trustStamp(dir: string): string {
  const parts: string[] = [];
  for (const sub of ['roots', 'intermediates', 'crls']) {
    try {
      for (const name of fs.readdirSync(path.join(dir, sub)).sort()) {
        const stat = fs.statSync(path.join(dir, sub, name));
        parts.push(`${sub}/${name}:${stat.size}:${stat.mtimeMs}`);
      }
    } catch {
      parts.push(`${sub}:none`);
    }
  }
  return parts.join('|');
}

/**
 * The file store's signature checks: a stored PDF's digital signatures against the trust
 * directory as it is now (reloaded when a file in it changes: a CRL imported today applies at
 * once), kept per file and state of the directory; a file that is not a PDF has none.
 */
export function createSignatureChecks(deps: {
  trustDir: string;
  clock: Clock;
  open: (sha256: string) => Promise<OpenedFile>;
}) {
  const { trustDir, clock, open } = deps;
  let trustLoaded: { store: TrustStore; stamp: string } | undefined;
  const checked = new Map<string, PdfSignaturesReport & { checkedAt: string }>();
  const checking = new Map<string, Promise<PdfSignaturesReport & { checkedAt: string }>>();
  let checksRunning = 0;
  const checkWaiters: (() => void)[] = [];

  async function signaturesOf(sha256: string): Promise<PdfSignaturesReport & { checkedAt: string }> {
    const trust = currentTrust();
    const key = `${sha256} ${trust.stamp}`;
    const kept = checked.get(key);
    if (kept) return kept;
    // The same file asked for by several readers at once is checked once.
    const running = checking.get(key);
    if (running) return running;
    const check = (async () => {
      // A check holds the whole file in memory: at most CHECKS_AT_ONCE at a time.
      while (checksRunning >= CHECKS_AT_ONCE) await new Promise<void>((resolve) => checkWaiters.push(resolve));
      checksRunning++;
      try {
        const opened = await open(sha256);
        let report: PdfSignaturesReport = { signed: false, signatures: [], unreadable: [] };
        if (opened.contentType === 'application/pdf') {
          report = await verifyPdfSignatures(await buffer(opened.stream), trust.store);
        } else {
          opened.stream.destroy();
        }
        const result = { ...report, checkedAt: clock.now().toISOString() };
        checked.set(key, result);
        // Bounded: the oldest checks go first.
        if (checked.size > CHECKED_KEPT) checked.delete(checked.keys().next().value as string);
        return result;
      } finally {
        checksRunning--;
        checkWaiters.shift()?.();
        checking.delete(key);
      }
    })();
    checking.set(key, check);
    return check;
  }

  /** The trust directory as loaded, reloaded when a file in it is added, removed or changed. */
  function currentTrust(): { store: TrustStore; stamp: string } {
    const stamp = trustStamp(trustDir);
    if (trustLoaded?.stamp !== stamp) trustLoaded = { store: loadTrustStore(trustDir), stamp };
    return trustLoaded;
  }

  return signaturesOf;
}
