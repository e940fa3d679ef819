import { Alert, App, Button, Divider, Drawer, Flex, Form, Grid } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { newClientKey } from '../../documents/components/clientKey';
import { isStale, useCreateMeeting, usePatchMeeting } from '../api/meetings.api';
import { tm } from '../meetings.i18n';
import AgendaField from './AgendaField';
import InviteesField from './InviteesField';
import MeetingFields from './MeetingFields';
import { type MeetingValues, meetingCreateBody, meetingInitialValues, meetingPatchBody } from './meetingValues';
import { ORGANIZING_ROLES } from './organizing';

/** A new meeting, or the edit of a draft one (`draft` given): details, agenda with documents, invitees. */
export default function MeetingForm({
  open,
  draft,
  onClose,
}: {
  open: boolean;
  draft?: MeetingView;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={draft ? tm.form.editTitle : tm.form.createTitle}
      className="vp-meeting-form"
      size={screens.md ? 760 : '100%'}
      destroyOnHidden
    >
      {open ? <MeetingFormBody draft={draft} onClose={onClose} /> : null}
    </Drawer>
  );
}

function MeetingFormBody({ draft, onClose }: { draft?: MeetingView; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<MeetingValues>();
  // One key per opening of the form: a double click or a retry creates the meeting once.
  const [clientKey] = useState(newClientKey);
  // The version the form was filled from: the page refreshes the meeting meanwhile, and a
  // change made by someone else since must come back as a conflict, not be overwritten.
  const [version] = useState(draft?.version ?? 0);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateMeeting();
  const patch = usePatchMeeting(draft?.id ?? '');
  const organizations = [
    ...new Map(
      user.roles.filter((r) => ORGANIZING_ROLES.has(r.role)).map((r) => [r.organizationId, r.organizationName]),
    ).entries(),
  ];

  const save = async (v: MeetingValues) => {
    setError(null);
    try {
      if (draft) {
        await patch.mutateAsync(meetingPatchBody(v, version));
        message.success(tm.form.updated);
        onClose();
      } else {
        const result = await create.mutateAsync(meetingCreateBody(v, clientKey));
        message.success(tm.form.saved);
        onClose();
        navigate(`/meetings/${encodeURIComponent(result.id)}`);
      }
    } catch (failure) {
      setError(isStale(failure) ? tm.meeting.stale : errorMessage(failure));
    }
  };

  return (
    <Form<MeetingValues>
      form={form}
      layout="vertical"
      requiredMark="optional"
      scrollToFirstError
      initialValues={meetingInitialValues(draft, organizations)}
      onFinish={save}
    >
      <MeetingFields form={form} organizations={organizations} editing={draft !== undefined} />
      <Divider titlePlacement="start" plain>
        {tm.form.agenda}
      </Divider>
      <AgendaField onUploadingChange={setUploading} />
      <Divider titlePlacement="start" plain>
        {tm.form.invitees}
      </Divider>
      <Form.Item name="invitees">
        <InviteesField />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {uploading ? <Alert type="info" showIcon title={tm.form.uploading} style={{ marginBottom: 16 }} /> : null}
      <Flex
        justify="end"
        gap={8}
        style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '8px 0', borderTop: '1px solid #f0f0f0' }}
      >
        <Button onClick={onClose}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || patch.isPending} disabled={uploading}>
          {tm.form.save}
        </Button>
      </Flex>
    </Form>
  );
}
