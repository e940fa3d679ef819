import { EyeOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { MEETING_BODY_LABELS } from '../../../../common/meetings';
import type { MeetingView } from '../../../../common/schemas/meetings';
import { formatDateTimeShort } from '../../../app/format';
import { t } from '../../../app/i18n';
import { invitationDocxUrl, invitationPdfUrl } from '../api/meetings.api';
import { tm } from '../meetings.i18n';
import { meetingTimeText } from '../meetingTime';
import FileViewer from './FileViewer';

/** The invitation as a PDF to read in the browser (a preview before it is sent) and as Word to edit. */
export function InvitationLinks({ meeting }: { meeting: MeetingView }) {
  const [viewing, setViewing] = useState(false);
  const title = meeting.invitationNumber ? tm.meeting.invitationNumber(meeting.invitationNumber) : tm.send.preview;
  return (
    <Flex gap={8} wrap>
      <Button
        size="small"
        icon={<EyeOutlined />}
        href={invitationPdfUrl(meeting.id)}
        onClick={(event) => {
          event.preventDefault();
          setViewing(true);
        }}
        data-invitation="pdf"
      >
        {meeting.status === 'draft' ? tm.send.preview : tm.meeting.previewPdf}
      </Button>
      <Button size="small" icon={<FileWordOutlined />} href={invitationDocxUrl(meeting.id)} download>
        {tm.meeting.downloadDocx}
      </Button>
      <FileViewer
        file={viewing ? { name: title, url: invitationPdfUrl(meeting.id), contentType: 'application/pdf' } : null}
        onClose={() => setViewing(false)}
      />
    </Flex>
  );
}

/** When, where, who chairs, the invitation's number and text, who signs it. */
export default function MeetingInfo({ meeting }: { meeting: MeetingView }) {
  const signer = [meeting.signerAuthority, meeting.signerPosition, meeting.signerName].filter(Boolean).join(' — ');
  return (
    <Descriptions
      size="small"
      column={1}
      styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
      items={[
        {
          key: 'time',
          label: tm.meeting.time,
          children: <strong data-meeting-time>{meetingTimeText(meeting.startsAt, meeting.endsAt)}</strong>,
        },
        { key: 'place', label: tm.meeting.place, children: meeting.place },
        { key: 'chair', label: tm.meeting.chair, children: meeting.chairName ?? t.common.none },
        { key: 'body', label: tm.meeting.body, children: MEETING_BODY_LABELS[meeting.body] },
        { key: 'organization', label: tm.meeting.organization, children: meeting.organizationName },
        {
          key: 'invitation',
          label: tm.meeting.invitation,
          children: (
            <Flex vertical gap={6}>
              <span>
                {meeting.invitationNumber ? tm.meeting.invitationNumber(meeting.invitationNumber) : tm.meeting.notSent}
                {meeting.sentAt ? (
                  <Typography.Text type="secondary"> · {formatDateTimeShort(meeting.sentAt)}</Typography.Text>
                ) : null}
              </span>
              <InvitationLinks meeting={meeting} />
            </Flex>
          ),
        },
        ...(signer ? [{ key: 'signer', label: tm.meeting.signer, children: signer }] : []),
        ...(meeting.content
          ? [
              {
                key: 'content',
                label: tm.meeting.content,
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {meeting.content}
                  </Typography.Paragraph>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
