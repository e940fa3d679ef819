import { z } from 'zod';
import {
  attachFilesSchema,
  commentSchema,
  completeSchema,
  deleteDraftQuerySchema,
  deliveryDecisionSchema,
  deliveryInboxQuerySchema,
  deliveryViewSchema,
  directSchema,
  documentListQuerySchema,
  documentListSchema,
  documentPeopleSchema,
  documentViewSchema,
  draftVersionListSchema,
  extendSchema,
  extensionDecisionSchema,
  extensionRequestSchema,
  grantSchema,
  inboxSchema,
  incomingWriteSchema,
  issuerQuerySchema,
  issuerSuggestionListSchema,
  issueSchema,
  outgoingPatchSchema,
  outgoingWriteSchema,
  progressSchema,
  queueCountsSchema,
  queueParamsSchema,
  reasonSchema,
  registerListSchema,
  registerPatchSchema,
  registerSchema,
  registerWriteSchema,
  remindSchema,
  resendSchema,
  submitSchema,
  versionOnlySchema,
  withdrawSchema,
} from '../../../common/schemas/documents';
import { pdfSignaturesSchema } from '../../../common/schemas/files';
import {
  createdIdSchema,
  fileParamsSchema,
  idParamsSchema,
  inlineQuerySchema,
  upsertedSchema,
} from '../../../common/schemas/http';
import { type App, actorOf, typed } from '../../platform/http/http-server';
import type { DocumentsModule } from './documents.module';

const tags = ['Văn bản'];
const params = idParamsSchema;
const created = upsertedSchema;

export function registerDocumentRoutes(app: App, m: DocumentsModule): void {
  const r = typed(app);
  const view = (request: { params: { id: string } } & Parameters<typeof actorOf>[0]) =>
    m.documents.getDocument(actorOf(request), request.params.id);

  // Registers ---------------------------------------------------------------------------------
  r.get('/api/registers', { schema: { tags, response: { 200: registerListSchema } } }, async (request) =>
    m.registers.listRegisters(actorOf(request)),
  );
  r.post(
    '/api/registers',
    { schema: { tags, body: registerWriteSchema, response: { 201: registerSchema } } },
    async (request, reply) => reply.code(201).send(await m.registers.createRegister(actorOf(request), request.body)),
  );
  r.patch(
    '/api/registers/:id',
    {
      schema: {
        tags,
        params,
        body: registerPatchSchema,
        response: { 200: registerSchema },
      },
    },
    async (request) => m.registers.updateRegister(actorOf(request), request.params.id, request.body),
  );

  // Documents ---------------------------------------------------------------------------------
  r.get(
    '/api/documents',
    { schema: { tags, querystring: documentListQuerySchema, response: { 200: documentListSchema } } },
    async (request) => m.documents.listDocuments(actorOf(request), request.query),
  );
  r.get(
    '/api/documents/export.xlsx',
    { schema: { tags, querystring: documentListQuerySchema.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      const file = await m.registerBook.exportXlsx(actorOf(request), request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
  r.get(
    '/api/documents/export.pdf',
    { schema: { tags, querystring: documentListQuerySchema.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      const file = await m.registerBook.exportPdf(actorOf(request), request.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
  r.get(
    '/api/documents/issuers',
    { schema: { tags, querystring: issuerQuerySchema, response: { 200: issuerSuggestionListSchema } } },
    async (request) => m.issuers.suggest(actorOf(request), request.query.q),
  );
  r.get('/api/documents/queue', { schema: { tags, response: { 200: queueCountsSchema } } }, async (request) =>
    m.documents.queueCounts(actorOf(request)),
  );
  r.get(
    '/api/documents/queue/:kind',
    { schema: { tags, params: queueParamsSchema, response: { 200: documentListSchema } } },
    async (request) => m.documents.queue(actorOf(request), request.params.kind),
  );
  r.get('/api/documents/:id', { schema: { tags, params, response: { 200: documentViewSchema } } }, async (request) =>
    view(request),
  );
  r.get(
    '/api/documents/:id/versions',
    { schema: { tags, params, response: { 200: draftVersionListSchema } } },
    async (request) => m.versions.list(actorOf(request), request.params.id),
  );
  r.get(
    '/api/documents/:id/people',
    { schema: { tags, params, response: { 200: documentPeopleSchema } } },
    async (request) => m.people(actorOf(request), request.params.id),
  );
  r.get(
    '/api/documents/:id/files/:fileId',
    {
      schema: {
        tags,
        params: fileParamsSchema,
        querystring: inlineQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await m.documents.fileOf(actorOf(request), request.params.id, request.params.fileId);
      return m.files.sendFile(reply, { ...file, inline: request.query.inline === '1' });
    },
  );
  r.get(
    '/api/documents/:id/files/:fileId/signatures',
    { schema: { tags, params: fileParamsSchema, response: { 200: pdfSignaturesSchema } } },
    async (request) => {
      const file = await m.documents.fileOf(actorOf(request), request.params.id, request.params.fileId, 'signatures');
      return m.files.signaturesOf(file.sha256);
    },
  );
  r.post(
    '/api/documents/incoming',
    { schema: { tags, body: incomingWriteSchema, response: { 200: created, 201: created } } },
    async (request, reply) => {
      const result = await m.incoming.registerIncoming(actorOf(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
  r.post(
    '/api/documents/outgoing',
    { schema: { tags, body: outgoingWriteSchema, response: { 200: created, 201: created } } },
    async (request, reply) => {
      const result = await m.outgoing.createDraft(actorOf(request), request.body);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
  r.patch(
    '/api/documents/:id',
    { schema: { tags, params, body: outgoingPatchSchema, response: { 200: documentViewSchema } } },
    async (request) => {
      await m.outgoing.updateDraft(actorOf(request), request.params.id, request.body);
      return view(request);
    },
  );

  // Workflow steps answer with the document as it now stands.
  const step = <B extends z.ZodType>(
    path: string,
    body: B,
    act: (actor: ReturnType<typeof actorOf>, id: string, body: z.infer<B>) => Promise<unknown>,
  ) =>
    r.post(
      `/api/documents/:id/${path}`,
      { schema: { tags, params, body, response: { 200: documentViewSchema } } },
      async (request) => {
        await act(actorOf(request), request.params.id, request.body as z.infer<B>);
        return view(request);
      },
    );
  step('submit', submitSchema, (actor, id, body) => m.workflow.submit(actor, id, body));
  step('return', reasonSchema, (actor, id, body) => m.workflow.returnDocument(actor, id, body));
  step('direct', directSchema, (actor, id, body) => m.incoming.direct(actor, id, body));
  step('reassign', directSchema, (actor, id, body) => m.incoming.reassign(actor, id, body));
  step('extend', extendSchema, (actor, id, body) => m.incoming.extend(actor, id, body));
  step('extension-request', extensionRequestSchema, (actor, id, body) =>
    m.extensions.requestExtension(actor, id, body),
  );
  step('extension-decision', extensionDecisionSchema, (actor, id, body) =>
    m.extensions.decideExtension(actor, id, body),
  );
  step('progress', progressSchema, (actor, id, body) => m.extensions.reportProgress(actor, id, body));
  step('complete', completeSchema, (actor, id, body) => m.incoming.complete(actor, id, body));
  step('comments', commentSchema, (actor, id, body) => m.documents.comment(actor, id, body));
  step('grant', grantSchema, (actor, id, body) => m.documents.grant(actor, id, body));
  step('files', attachFilesSchema, (actor, id, body) => m.documents.attach(actor, id, body));
  step('approve', versionOnlySchema, (actor, id, body) => m.outgoing.approve(actor, id, body));
  step('issue', issueSchema, (actor, id, body) => m.outgoing.issueNumber(actor, id, body));
  step('dispatch', versionOnlySchema, (actor, id, body) => m.outgoing.dispatch(actor, id, body));
  step('recall', reasonSchema, (actor, id, body) => m.outgoing.recall(actor, id, body));
  step('outside-update', reasonSchema, (actor, id, body) => m.outgoing.updateOutside(actor, id, body));
  step('withdraw', withdrawSchema, (actor, id, body) => m.followup.withdraw(actor, id, body));
  step('remind', remindSchema, (actor, id, body) => m.followup.remind(actor, id, body));
  step('resend', resendSchema, (actor, id, body) => m.followup.resend(actor, id, body));
  r.delete(
    '/api/documents/:id',
    {
      schema: {
        tags,
        params,
        querystring: deleteDraftQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await m.followup.deleteDraft(actorOf(request), request.params.id, { version: request.query.version });
      return reply.code(204).send(null);
    },
  );

  // Deliveries: the receiving clerk's side ----------------------------------------------------
  r.get(
    '/api/deliveries',
    {
      schema: {
        tags,
        querystring: deliveryInboxQuerySchema,
        response: { 200: inboxSchema },
      },
    },
    async (request) => m.deliveries.inbox(actorOf(request)),
  );
  r.get('/api/deliveries/:id', { schema: { tags, params, response: { 200: deliveryViewSchema } } }, async (request) =>
    m.deliveries.openDelivery(actorOf(request), request.params.id),
  );
  r.get(
    '/api/deliveries/:id/files/:fileId',
    {
      schema: {
        tags,
        params: fileParamsSchema,
        querystring: inlineQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await m.deliveries.deliveryFile(actorOf(request), request.params.id, request.params.fileId);
      return m.files.sendFile(reply, { ...file, inline: request.query.inline === '1' });
    },
  );
  r.get(
    '/api/deliveries/:id/files/:fileId/signatures',
    { schema: { tags, params: fileParamsSchema, response: { 200: pdfSignaturesSchema } } },
    async (request) => {
      const file = await m.deliveries.deliveryFile(
        actorOf(request),
        request.params.id,
        request.params.fileId,
        'signatures',
      );
      return m.files.signaturesOf(file.sha256);
    },
  );
  r.post(
    '/api/deliveries/:id/accept',
    { schema: { tags, params, body: deliveryDecisionSchema, response: { 200: createdIdSchema } } },
    async (request) => m.deliveries.accept(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/deliveries/:id/refuse',
    { schema: { tags, params, body: deliveryDecisionSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await m.deliveries.refuse(actorOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
}
