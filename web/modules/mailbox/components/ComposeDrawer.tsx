import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { MAIL_LIMITS } from '../../../../common/mail';
import type { MailboxView } from '../../../../common/schemas/mail';
import { errorMessage } from '../../../app/api/client';
import { useKeptWork } from '../../../app/forms/keptWork';
import { t } from '../../../app/i18n';
import { newClientKey } from '../../documents/components/clientKey';
import FileUploadField from '../../documents/components/FileUploadField';
import { useUpdateDraft, useWriteMail } from '../api/mailbox.api';
import { tmail } from '../mailbox.i18n';
import { type ComposeStart, COMPOSE_KEPT_ID as KEPT_ID, type ComposeValues as Values } from './composeStart';
import RecipientSelect, { type Pick, toWrite } from './RecipientSelect';

export default function ComposeDrawer({
  start,
  mailboxes,
  onClose,
}: {
  start: ComposeStart | null;
  mailboxes: MailboxView[];
  onClose: () => void;
}) {
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Drawer
      open={!!start}
      onClose={onClose}
      title={start?.draft ? tmail.editDraft : tmail.compose}
      size={wide ? 720 : '100%'}
      destroyOnHidden
    >
      {start ? <ComposeForm start={start} mailboxes={mailboxes} onClose={onClose} /> : null}
    </Drawer>
  );
}

function ComposeForm({
  start,
  mailboxes,
  onClose,
}: {
  start: ComposeStart;
  mailboxes: MailboxView[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [clientKey] = useState(newClientKey);
  const [uploading, setUploading] = useState(false);
  const [showCc, setShowCc] = useState(
    (start.cc?.length ?? 0) +
      (start.bcc?.length ?? 0) +
      (start.restored?.cc?.length ?? 0) +
      (start.restored?.bcc?.length ?? 0) >
      0,
  );
  const [error, setError] = useState<string | null>(null);
  const write = useWriteMail();
  const update = useUpdateDraft();
  const busy = write.isPending || update.isPending;
  // Attachments are not kept: the uploads belong to the session that ended.
  useKeptWork(KEPT_ID, () => {
    const { uploadIds: _files, ...values } = form.getFieldsValue(true) as Values;
    return { ...start, restored: values } satisfies ComposeStart;
  });

  const submit = async (draft: boolean) => {
    setError(null);
    const v = draft ? form.getFieldsValue() : await form.validateFields();
    const fields = {
      to: toWrite(v.to),
      cc: toWrite(v.cc),
      bcc: toWrite(v.bcc),
      subject: v.subject?.trim() ?? '',
      text: v.text ?? '',
      uploadIds: v.uploadIds ?? [],
    };
    try {
      if (start.draft) {
        await update.mutateAsync({
          id: start.draft.itemId,
          body: { ...fields, version: start.draft.version, send: !draft },
        });
      } else {
        await write.mutateAsync({
          ...fields,
          mailboxId: v.mailboxId,
          draft,
          clientKey: `${clientKey}${draft ? 'n' : 's'}`,
          ...(start.replyToItemId ? { replyToItemId: start.replyToItemId } : {}),
          ...(start.forwardItemId ? { forwardItemId: start.forwardItemId } : {}),
        });
      }
      message.success(draft ? tmail.draftSaved : tmail.sent);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        mailboxId: start.mailboxId,
        to: start.to ?? [],
        cc: start.cc ?? [],
        bcc: start.bcc ?? [],
        subject: start.subject ?? '',
        text: start.text ?? '',
        ...start.restored,
      }}
      onFinish={() => submit(false)}
    >
      {start.restored ? <Alert type="info" showIcon title={t.forms.restored} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="mailboxId" label={tmail.from}>
        <Select
          disabled={!!start.draft}
          options={mailboxes.map((b) => ({ value: b.id, label: `${b.name} <${b.address}>` }))}
        />
      </Form.Item>
      <Form.Item
        name="to"
        label={tmail.to}
        rules={[
          {
            validator: async (_r, value: Pick[] | undefined) => {
              const all = [...(value ?? []), ...(form.getFieldValue('cc') ?? []), ...(form.getFieldValue('bcc') ?? [])];
              if (all.length === 0) throw new Error(tmail.needRecipient);
            },
          },
        ]}
      >
        <RecipientSelect />
      </Form.Item>
      {showCc ? (
        <>
          <Form.Item name="cc" label={tmail.cc}>
            <RecipientSelect />
          </Form.Item>
          <Form.Item name="bcc" label={tmail.bcc}>
            <RecipientSelect />
          </Form.Item>
        </>
      ) : (
        <Button type="link" style={{ padding: 0, marginTop: -12, marginBottom: 8 }} onClick={() => setShowCc(true)}>
          {tmail.showCc}
        </Button>
      )}
      <Form.Item
        name="subject"
        label={tmail.subject}
        rules={[{ required: true, whitespace: true, message: tmail.needSubject }]}
      >
        <Input maxLength={MAIL_LIMITS.subject} />
      </Form.Item>
      <Form.Item name="text" label={tmail.body}>
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} maxLength={MAIL_LIMITS.body} />
      </Form.Item>
      {start.forwardedFiles ? (
        <Typography.Paragraph type="secondary">{tmail.forwardedFiles(start.forwardedFiles)}</Typography.Paragraph>
      ) : null}
      <Form.Item name="uploadIds" label={tmail.attachments}>
        <FileUploadField onUploadingChange={setUploading} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={() => void submit(true)} disabled={uploading || busy}>
          {tmail.saveDraft}
        </Button>
        <Button type="primary" htmlType="submit" loading={busy} disabled={uploading}>
          {tmail.send}
        </Button>
      </Flex>
    </Form>
  );
}
