import { z } from 'zod';
import { pdfSignaturesSchema } from '../../../common/schemas/files';
import { createdIdSchema, downloadQuerySchema } from '../../../common/schemas/http';
import {
  draftPatchSchema,
  draftSavedSchema,
  folderWriteSchema,
  mailAttachmentParamsSchema,
  mailboxListSchema,
  mailboxParamsSchema,
  mailFolderParamsSchema,
  mailItemParamsSchema,
  mailItemViewSchema,
  mailListQuerySchema,
  mailListSchema,
  mailRegisteredSchema,
  mailRegisterSchema,
  mailWriteSchema,
  mailWrittenSchema,
  markMailSchema,
  moveSchema,
  recipientOptionsSchema,
  recipientQuerySchema,
} from '../../../common/schemas/mail';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { MailboxModule } from './mailbox.module';

const tags = ['Hòm thư công vụ'];
const boxParams = mailboxParamsSchema;
const itemParams = mailItemParamsSchema;
const noContent = { 204: z.null() };

export function registerMailboxRoutes(app: App, m: MailboxModule): void {
  const r = typed(app);
  const done = <T>(reply: { code(n: number): { send(v: null): T } }) => reply.code(204).send(null);

  r.get('/api/mail/mailboxes', { schema: { tags, response: { 200: mailboxListSchema } } }, async (request) =>
    m.reading.mailboxes(actorOf(request)),
  );
  r.get(
    '/api/mail/mailboxes/:mailboxId/messages',
    { schema: { tags, params: boxParams, querystring: mailListQuerySchema, response: { 200: mailListSchema } } },
    async (request) => m.reading.list(actorOf(request), request.params.mailboxId, request.query),
  );
  r.post(
    '/api/mail/mailboxes/:mailboxId/folders',
    { schema: { tags, params: boxParams, body: folderWriteSchema, response: { 201: createdIdSchema } } },
    async (request, reply) =>
      reply.code(201).send(await m.reading.createFolder(actorOf(request), request.params.mailboxId, request.body.name)),
  );
  r.delete(
    '/api/mail/mailboxes/:mailboxId/folders/:folderId',
    { schema: { tags, params: mailFolderParamsSchema, response: noContent } },
    async (request, reply) => {
      await m.reading.deleteFolder(actorOf(request), request.params.mailboxId, request.params.folderId);
      return done(reply);
    },
  );
  r.get(
    '/api/mail/recipients',
    { schema: { tags, querystring: recipientQuerySchema, response: { 200: recipientOptionsSchema } } },
    async (request) => m.reading.recipients(actorOf(request), request.query.q),
  );
  r.post(
    '/api/mail/messages',
    { schema: { tags, body: mailWriteSchema, response: { 200: mailWrittenSchema, 201: mailWrittenSchema } } },
    async (request, reply) => {
      const result = await m.compose.write(actorOf(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
  r.put(
    '/api/mail/items/:itemId/draft',
    {
      schema: { tags, params: itemParams, body: draftPatchSchema, response: { 200: draftSavedSchema } },
    },
    async (request) => m.compose.updateDraft(actorOf(request), request.params.itemId, request.body),
  );
  r.get(
    '/api/mail/items/:itemId',
    { schema: { tags, params: itemParams, response: { 200: mailItemViewSchema } } },
    async (request) => m.reading.view(actorOf(request), request.params.itemId),
  );
  r.post(
    '/api/mail/items/:itemId/read',
    { schema: { tags, params: itemParams, body: markMailSchema, response: noContent } },
    async (request, reply) => {
      await m.reading.mark(actorOf(request), request.params.itemId, request.body.read);
      return done(reply);
    },
  );
  r.post(
    '/api/mail/items/:itemId/move',
    { schema: { tags, params: itemParams, body: moveSchema, response: noContent } },
    async (request, reply) => {
      await m.reading.move(actorOf(request), request.params.itemId, request.body.folder);
      return done(reply);
    },
  );
  r.delete(
    '/api/mail/items/:itemId',
    { schema: { tags, params: itemParams, response: noContent } },
    async (request, reply) => {
      await m.reading.remove(actorOf(request), request.params.itemId);
      return done(reply);
    },
  );
  r.get(
    '/api/mail/items/:itemId/attachments/:attachmentId',
    {
      schema: {
        tags,
        params: mailAttachmentParamsSchema,
        querystring: downloadQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await m.reading.attachment(actorOf(request), request.params.itemId, request.params.attachmentId);
      return m.files.sendFile(reply, { ...file, inline: request.query.download !== '1' });
    },
  );
  r.get(
    '/api/mail/items/:itemId/attachments/:attachmentId/signatures',
    { schema: { tags, params: mailAttachmentParamsSchema, response: { 200: pdfSignaturesSchema } } },
    async (request) => {
      const file = await m.reading.attachment(actorOf(request), request.params.itemId, request.params.attachmentId);
      return m.files.signaturesOf(file.sha256);
    },
  );
  r.post(
    '/api/mail/items/:itemId/register',
    {
      schema: {
        tags,
        params: itemParams,
        body: mailRegisterSchema,
        response: { 201: mailRegisteredSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await m.registration.register(actorOf(request), request.params.itemId, request.body)),
  );
}
