import type { Multipart, MultipartFields, MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canonicalString } from './canonical-input';
import { DomainError, invalid } from './errors';

/**
 * Multipart bodies are read by the route itself, as a stream, so the text they
 * carry (field values, file names) is made canonical here, on the way out of
 * @fastify/multipart: the routes call `request.parts()` and `request.file()` as
 * usual and get canonical text. A body the parser cannot read (truncated, a
 * boundary missing or not matching, broken part headers) is the client's
 * fault: a 400 `request.malformed_multipart`, whatever the route was doing with
 * it when it broke.
 */
export function installMultipartGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const parts = request.parts.bind(request);
    const file = request.file.bind(request);
    request.parts = (options) => guardedParts(request, parts(options));
    request.file = async (options) => {
      try {
        const part = await file(options);
        return part ? canonicalPart(request, part) : part;
      } catch (error) {
        throw asMultipartError(request, error);
      }
    };
  });
}

const broken = new WeakSet<FastifyRequest>();
/** What busboy says of a body that ends inside a part; not a store or disk failure. */
const CUT_SHORT = /unexpected end of multipart data|terminated early/i;

/** Whether the multipart body of this request could not be read to its end. */
export function isBrokenMultipart(request: FastifyRequest): boolean {
  return broken.has(request);
}

export const malformedMultipart = () =>
  invalid(
    'request.malformed_multipart',
    'Dữ liệu tệp gửi lên bị hỏng hoặc không trọn vẹn (multipart/form-data). Hãy gửi lại.',
  );

async function* guardedParts(request: FastifyRequest, parts: AsyncIterableIterator<Multipart>) {
  while (true) {
    let next: IteratorResult<Multipart>;
    try {
      next = await parts.next();
    } catch (error) {
      throw asMultipartError(request, error);
    }
    if (next.done) return;
    yield canonicalPart(request, next.value);
  }
}

function canonicalPart<T extends Multipart>(request: FastifyRequest, part: T): T {
  canonicalFields(part);
  for (const entry of Object.values(part.fields as MultipartFields)) {
    for (const inner of Array.isArray(entry) ? entry : [entry]) if (inner) canonicalFields(inner);
  }
  if (part.type === 'file') {
    // A part cut short reaches the route as an error of the file stream; remember whose fault it
    // was. With the whole body at hand the parser may have failed the stream already.
    const stream = (part as MultipartFile).file;
    const note = (error: unknown) => {
      if (error instanceof Error && CUT_SHORT.test(error.message)) broken.add(request);
    };
    if (stream.errored) note(stream.errored);
    else stream.once('error', note);
  }
  return part;
}

function canonicalFields(part: Multipart): void {
  const name = part.fieldname;
  part.fieldname = canonicalString(name, `multipart.${name}`);
  if (part.type === 'file') {
    part.filename = canonicalString(part.filename, `multipart.${name}.filename`);
  } else if (typeof part.value === 'string') {
    part.value = canonicalString(part.value, `multipart.${name}`);
  }
}

/** The parser's own errors (plain `Error`s from busboy) become the client's 400. */
function asMultipartError(request: FastifyRequest, error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const status = (error as { statusCode?: number } | null)?.statusCode;
  // @fastify/multipart's limit errors carry their own 4xx and code, mapped by the error handler.
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  broken.add(request);
  return malformedMultipart();
}
