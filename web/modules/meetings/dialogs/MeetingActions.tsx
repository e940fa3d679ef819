import { CalendarOutlined, EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { lazy, useState } from 'react';
import type { MeetingView } from '../../../../common/schemas/meetings';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import { tm } from '../meetings.i18n';

// Each dialog's code comes when its button is pressed.
const MeetingForm = lazy(() => import('../form/MeetingForm'));
const SendDialog = lazy(() => import('./SendDialog'));
const RescheduleDialog = lazy(() => import('./RescheduleDialogs').then((m) => ({ default: m.RescheduleDialog })));
const CancelDialog = lazy(() => import('./RescheduleDialogs').then((m) => ({ default: m.CancelDialog })));

type Open = 'edit' | 'send' | 'reschedule' | 'cancel';

/** The organizer's buttons the server allows on this meeting, each with its own dialog. */
export default function MeetingActions({ meeting }: { meeting: MeetingView }) {
  const [open, setOpen] = useState<Open | null>(null);
  const can = (action: Open) => meeting.actions.includes(action);
  if (!(['edit', 'send', 'reschedule', 'cancel'] as const).some(can)) return null;
  const close = () => setOpen(null);

  return (
    <>
      <Flex gap={8} wrap className="vp-meeting-actions">
        {can('send') ? (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setOpen('send')}>
            {tm.actions.send}
          </Button>
        ) : null}
        {can('edit') ? (
          <Button icon={<EditOutlined />} onClick={() => setOpen('edit')}>
            {tm.actions.edit}
          </Button>
        ) : null}
        {can('reschedule') ? (
          <Button icon={<CalendarOutlined />} onClick={() => setOpen('reschedule')}>
            {tm.actions.reschedule}
          </Button>
        ) : null}
        {can('cancel') ? (
          <Button danger icon={<StopOutlined />} onClick={() => setOpen('cancel')}>
            {tm.actions.cancel}
          </Button>
        ) : null}
      </Flex>
      {can('edit') ? (
        <MountWhenOpened open={open === 'edit'}>
          <MeetingForm open={open === 'edit'} draft={meeting} onClose={close} />
        </MountWhenOpened>
      ) : null}
      <MountWhenOpened open={open !== null && open !== 'edit'}>
        {open === 'send' ? <SendDialog meeting={meeting} onClose={close} /> : null}
        {open === 'reschedule' ? <RescheduleDialog meeting={meeting} onClose={close} /> : null}
        {open === 'cancel' ? <CancelDialog meeting={meeting} onClose={close} /> : null}
      </MountWhenOpened>
    </>
  );
}
