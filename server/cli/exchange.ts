import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import pino from 'pino';
import { createApp, type VanPhong } from '../app';
import type { Config } from '../platform/config/config';
import { DomainError } from '../platform/http/errors';
import { CLI_CALLER, type Flags } from './commands';

/**
 * Exit codes of `exchange import` and `exchange export` (sysexits): the operator's script can tell a
 * file that is not a document from a wrong organization code or a path that does not exist.
 */
export const EXCHANGE_EXIT = { usage: 64, refused: 65, noInput: 66, unknownOrganization: 67 } as const;

/** The one JSON line `exchange import` prints when the file was taken (or recognised as taken before). */
export interface ImportLine {
  /** The outside document as recorded here; absent when nothing new was made (a duplicate). */
  documentId?: string;
  /** The copy waiting in the organization's clerks' inbox ("Chờ tiếp nhận"); the earlier one for a duplicate. */
  deliveryId: string | null;
  /** The package's DocumentId (`issuer,date,number/notation`), how offices tell one document from another. */
  documentRef: string;
  /** Number and notation as the product writes them, e.g. `12-QĐ/TU`. */
  numberText: string | null;
  /** The notation (ký hiệu) alone, when the package gives one. */
  notation?: string;
  issuer: string;
  subject: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  /** The files kept: name, content type judged from the bytes, size in bytes. */
  attachments: { name: string; type: string; size: number }[];
  /** What was not to the standard and was corrected, or a file not kept, and why. */
  warnings: { code: string; message: string }[];
  /** True when this document had already come to this organization: nothing new was made. */
  duplicate: boolean;
  /** Documents this organization already registered from the same issuer under the same number. */
  registeredBefore: {
    id: string;
    numberText: string | null;
    arrivalNumber: number | null;
    arrivalDate: string | null;
  }[];
}

export type ImportOutcome =
  | { ok: true; line: ImportLine }
  | { ok: false; exitCode: number; error: { code: string; message: string } };

const refusal = (exitCode: number, code: string, message: string): ImportOutcome => ({
  ok: false,
  exitCode,
  error: { code, message },
});

/** Whether `file` is a regular file this process can read. */
async function readable(file: string): Promise<boolean> {
  try {
    const stat = await fsp.stat(file);
    if (!stat.isFile()) return false;
    await fsp.access(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * An `.edxml` file taken as arriving for the organization with code `code`: it waits in that
 * organization's clerks' inbox as if it had come through the exchange. Registering it is the
 * clerk's accept, which needs a person, so the command line never registers.
 */
export async function importEdxml(vp: VanPhong, file: string, code: string): Promise<ImportOutcome> {
  if (!(await readable(file))) {
    return refusal(
      EXCHANGE_EXIT.noInput,
      'cli.file_missing',
      `Không đọc được tệp “${file}” (không có, hoặc không phải tệp).`,
    );
  }
  const exchange = vp.services.exchange.service;
  const organization = await exchange.organizationByCode(code);
  if (!organization) {
    return refusal(
      EXCHANGE_EXIT.unknownOrganization,
      'exchange.organization_not_found',
      `Không có tổ chức mã “${code}” để nhận văn bản.`,
    );
  }
  try {
    const result = await exchange.importFile(null, organization, fs.createReadStream(file), {
      register: false,
      via: `Nhận tệp edXML “${path.basename(file)}” bằng dòng lệnh`,
    });
    return {
      ok: true,
      line: {
        ...(result.documentId ? { documentId: result.documentId } : {}),
        deliveryId: result.deliveryId,
        documentRef: result.documentRef,
        numberText: result.numberText,
        ...(result.notation ? { notation: result.notation } : {}),
        issuer: result.issuer,
        subject: result.subject,
        issueDate: result.issueDate,
        attachments: result.attachments.map((a) => ({ name: a.name, type: a.contentType, size: a.size })),
        warnings: result.corrections.map((c) => ({ code: c.code, message: c.message })),
        duplicate: result.duplicate,
        registeredBefore: result.registeredBefore,
      },
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const exitCode =
      error.code === 'exchange.organization_outside' ? EXCHANGE_EXIT.unknownOrganization : EXCHANGE_EXIT.refused;
    return refusal(exitCode, error.code, error.message);
  }
}

/** Writes a registered document's edXML package to `out`; the package is complete before a byte is written. */
export async function exportEdxml(
  vp: VanPhong,
  documentId: string,
  out: Writable,
): Promise<{ ok: true; fileName: string; size: number } | { ok: false; error: { code: string; message: string } }> {
  let exported: Awaited<ReturnType<VanPhong['services']['exchange']['service']['exportForOperator']>>;
  try {
    exported = await vp.services.exchange.service.exportForOperator(CLI_CALLER, documentId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, error: { code: error.code, message: error.message } };
  }
  const { spooled, fileName } = exported;
  try {
    for await (const piece of fs.createReadStream(spooled.path)) {
      if (!out.write(piece)) await once(out, 'drain');
    }
  } finally {
    await spooled.remove();
  }
  return { ok: true, fileName, size: spooled.size };
}

/**
 * The app for one exchange command. Its log goes to standard error: standard output carries the
 * JSON line or the package, and a log line there would spoil either.
 */
function openApp(config: Config) {
  const logLevel = config.logLevel === 'info' ? 'warn' : config.logLevel;
  return createApp({
    config: { ...config, logLevel },
    logger: pino({ level: logLevel }, pino.destination(2)),
    webRoot: null,
  });
}

function usage(message: string): never {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.stdout.write(`${JSON.stringify({ error: { code: 'cli.usage', message } })}\n`);
  process.exit(EXCHANGE_EXIT.usage);
}

/** `vanphong exchange import FILE --org CODE`: one JSON line on standard output. */
export async function exchangeImport(config: Config, file: string | undefined, flags: Flags): Promise<void> {
  const code = typeof flags.org === 'string' ? flags.org : undefined;
  if (!file || !code) usage('Cần tệp và mã tổ chức nhận: vanphong exchange import TỆP.edxml --org MÃ');
  if (flags.register) {
    usage('Dòng lệnh không vào sổ được (vào sổ là việc của văn thư); bỏ --register, văn bản sẽ chờ văn thư tiếp nhận.');
  }
  const vp = await openApp(config);
  let outcome: ImportOutcome;
  try {
    outcome = await importEdxml(vp, path.resolve(file), code);
  } finally {
    await vp.close();
  }
  if (outcome.ok) {
    process.stdout.write(`${JSON.stringify(outcome.line)}\n`);
    return;
  }
  process.stderr.write(`Lỗi: ${outcome.error.message}\n`);
  process.stdout.write(`${JSON.stringify({ error: outcome.error })}\n`);
  process.exitCode = outcome.exitCode;
}

/** `vanphong exchange export ID`: the package on standard output, nothing else there. */
export async function exchangeExport(config: Config, documentId: string | undefined): Promise<void> {
  if (!documentId) {
    process.stderr.write('Lỗi: Cần mã văn bản: vanphong exchange export MÃ_VĂN_BẢN > van-ban.edxml\n');
    process.exit(EXCHANGE_EXIT.usage);
  }
  const vp = await openApp(config);
  let result: Awaited<ReturnType<typeof exportEdxml>>;
  try {
    result = await exportEdxml(vp, documentId, process.stdout);
  } finally {
    await vp.close();
  }
  if (!result.ok) {
    process.stderr.write(`Lỗi: ${result.error.message}\n`);
    process.exitCode = result.error.code === 'documents.not_found' ? EXCHANGE_EXIT.noInput : EXCHANGE_EXIT.refused;
    return;
  }
  process.stderr.write(`Đã xuất gói tin ${result.fileName} (${result.size} byte).\n`);
}
