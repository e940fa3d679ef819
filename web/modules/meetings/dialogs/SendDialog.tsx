import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Form, type FormInstance, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { Register } from '../../../../common/schemas/documents';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { useRegisters } from '../../documents/api/documents.api';
import { invitationPdfUrl } from '../api/meetings.api';
import { tm } from '../meetings.i18n';
import MeetingModal from './MeetingModal';

interface Values {
  registerId: string;
}

/** An outgoing register of the meeting's organization that may number an invitation (GM), secret for a secret meeting. */
export function invitationRegisters(registers: Register[], meeting: MeetingView): Register[] {
  const secret = meeting.secrecy !== 'normal';
  return registers.filter(
    (r) =>
      r.direction === 'outgoing' &&
      r.active &&
      r.organizationId === meeting.organizationId &&
      r.secret === secret &&
      (r.typeCodes.length === 0 || r.typeCodes.includes('GM')),
  );
}

/** Sending the invitation: the register that numbers it, a last look at the PDF, and how many it goes to. */
export default function SendDialog({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  const registers = useRegisters();
  const options = invitationRegisters(registers.data?.items ?? [], meeting).map((r) => ({
    value: r.id,
    label: r.name,
  }));
  const count = meeting.invitees.length;
  const noRegister = registers.isSuccess && options.length === 0;

  return (
    <MeetingModal<Values, { invitationNumber: string; invited: number }>
      meeting={meeting}
      step="send"
      title={tm.send.title}
      okText={tm.send.ok}
      versioned
      okDisabled={count === 0 || noRegister}
      toBody={(v) => ({ registerId: v.registerId })}
      onDone={(r) => tm.send.sent(r.invitationNumber, r.invited)}
      onClose={onClose}
    >
      {(form) => (
        <>
          <OnlyChoice form={form} value={options.length === 1 ? options[0]?.value : undefined} />
          <Form.Item
            name="registerId"
            label={tm.send.register}
            extra={tm.send.registerHint}
            rules={[{ required: true, message: tm.send.registerRequired }]}
          >
            <Select loading={registers.isLoading} options={options} popupMatchSelectWidth={false} />
          </Form.Item>
          {noRegister ? (
            <Alert type="warning" showIcon title={tm.send.noRegister} style={{ marginBottom: 12 }} />
          ) : null}
          <Button icon={<EyeOutlined />} href={invitationPdfUrl(meeting.id)} target="_blank" rel="noopener">
            {tm.send.preview}
          </Button>
          {count === 0 ? (
            <Alert type="warning" showIcon title={tm.send.noInvitees} style={{ marginTop: 12 }} />
          ) : (
            <>
              <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 4, fontSize: 16 }}>
                {tm.send.confirm(count)}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">{tm.send.confirmHint}</Typography.Paragraph>
            </>
          )}
        </>
      )}
    </MeetingModal>
  );
}

/** Chooses the register when there is only one, also when the list arrives after the dialog opened. */
function OnlyChoice({ form, value }: { form: FormInstance<Values>; value: string | undefined }) {
  useEffect(() => {
    if (value && !form.getFieldValue('registerId')) form.setFieldValue('registerId', value);
  }, [form, value]);
  return null;
}
