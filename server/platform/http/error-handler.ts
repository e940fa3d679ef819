import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from './errors';
import { isBrokenMultipart, malformedMultipart } from './multipart';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Fastify's own error codes for bad requests, as stable codes and Vietnamese messages. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'request.malformed_json',
    message: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'request.malformed_json',
    message: 'Yêu cầu khai báo JSON nhưng không có nội dung.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'request.too_large',
    message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'request.unsupported_media_type',
    message: 'Kiểu dữ liệu gửi lên không được hỗ trợ.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'request.invalid_length',
    message: 'Độ dài dữ liệu khai báo không khớp với dữ liệu gửi lên.',
  },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'file.too_large', message: 'Tệp vượt quá dung lượng cho phép.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'request.not_multipart',
    message: 'Yêu cầu phải gửi tệp theo dạng multipart/form-data.',
  },
  FST_FILES_LIMIT: { status: 413, code: 'file.too_many', message: 'Gửi quá nhiều tệp trong một lần.' },
  FST_PARTS_LIMIT: { status: 413, code: 'request.too_many_parts', message: 'Yêu cầu có quá nhiều phần.' },
  FST_FIELDS_LIMIT: { status: 413, code: 'request.too_many_parts', message: 'Yêu cầu có quá nhiều trường.' },
  FST_PROTO_VIOLATION: {
    status: 400,
    code: 'request.malformed_multipart',
    message: 'Tên trường trong dữ liệu gửi lên không được phép.',
  },
  FST_INVALID_JSON_FIELD_ERROR: {
    status: 400,
    code: 'request.malformed_multipart',
    message: 'Một trường khai báo JSON nhưng không phải JSON hợp lệ.',
  },
  FST_MP_PREMATURE_CLOSE: {
    status: 400,
    code: 'request.malformed_multipart',
    message: 'Dữ liệu tệp gửi lên bị ngắt giữa chừng. Hãy gửi lại.',
  },
};

/**
 * The one place errors become HTTP answers. Domain errors carry their own
 * status and message; validation failures list the fields; anything else is a
 * 500 whose details stay in the log.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return reply.code(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath || ''}`.replace(/\//g, '.'),
        message: v.message ?? '',
      }));
      return reply
        .code(400)
        .send(
          body('request.invalid', 'Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra các trường được đánh dấu.', { fields }),
        );
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.code(known.status).send(body(known.code, known.message));
    if (isBrokenMultipart(request)) {
      const refusal = malformedMultipart();
      return reply.code(refusal.status).send(body(refusal.code, refusal.message));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(body('request.bad', 'Yêu cầu không hợp lệ.'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(body('server.error', 'Máy chủ gặp lỗi. Vui lòng thử lại sau.'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body('route.not_found', `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.`));
  });
}
