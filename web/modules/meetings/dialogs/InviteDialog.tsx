import { Form } from 'antd';
import type { MeetingView } from '../../../../common/schemas/meetings';
import InviteesField from '../form/InviteesField';
import { type InviteeChoice, toInviteeWrites } from '../form/meetingValues';
import { tm } from '../meetings.i18n';
import MeetingModal from './MeetingModal';

/** More people, organizations or groups, invited after the invitation went out. */
export default function InviteDialog({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  return (
    <MeetingModal<{ invitees?: InviteeChoice[] }, { added: number }>
      meeting={meeting}
      step="invitees"
      title={tm.invitees.inviteTitle}
      okText={tm.invitees.invite}
      width={640}
      onClose={onClose}
      toBody={(v) => ({ invitees: toInviteeWrites(v.invitees ?? []) })}
      onDone={(r) => tm.invitees.invited(r.added)}
    >
      {() => (
        <Form.Item
          name="invitees"
          initialValue={[]}
          required
          rules={[
            {
              validator: (_, value: InviteeChoice[] | undefined) =>
                value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(tm.invitees.inviteRequired)),
            },
          ]}
        >
          <InviteesField />
        </Form.Item>
      )}
    </MeetingModal>
  );
}
