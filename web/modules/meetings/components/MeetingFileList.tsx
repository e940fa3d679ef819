import { DownloadOutlined, EyeOutlined, PaperClipOutlined, SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MeetingFile, MeetingView } from '../../../../common/schemas/meetings';
import { errorMessage } from '../../../app/api/client';
import { formatDateTimeShort } from '../../../app/format';
import { meetingFileUrl, meetingKeys, useMeetingStep } from '../api/meetings.api';
import { tm } from '../meetings.i18n';
import FileViewer, { type ViewedFile } from './FileViewer';

const viewable = (f: MeetingFile) => f.contentType === 'application/pdf' || f.contentType.startsWith('image/');

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Files of a meeting. PDF and images open in the page's own viewer, on a desktop and on a
 * phone alike; anything else downloads. Opening one records that the person read it, so the
 * page refreshes after.
 */
export default function MeetingFileList({
  meeting,
  files,
  changed,
  manage,
  onReplace,
}: {
  meeting: MeetingView;
  files: MeetingFile[];
  /** Files new or replaced since the person last looked, as they stood when the page opened. */
  changed: Set<string>;
  /** Replace and withdraw offered (the organizer, with `addFiles` or `minutes`). */
  manage: boolean;
  onReplace: (file: MeetingFile) => void;
}) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const withdraw = useMeetingStep(meeting.id);
  const invitedCount = meeting.invitees.length;
  const [viewing, setViewing] = useState<ViewedFile | null>(null);
  const opened = () =>
    setTimeout(() => void client.invalidateQueries({ queryKey: meetingKeys.meeting(meeting.id) }), 1500);
  const view = (f: MeetingFile) => (event: { preventDefault(): void }) => {
    event.preventDefault();
    setViewing({
      name: f.fileName,
      url: meetingFileUrl(meeting.id, f.id),
      downloadUrl: meetingFileUrl(meeting.id, f.id, true),
      contentType: f.contentType,
    });
    opened();
  };

  const confirmWithdraw = (f: MeetingFile) =>
    modal.confirm({
      title: tm.files.withdrawTitle,
      content: tm.files.withdrawConfirm(f.fileName),
      okText: tm.files.withdraw,
      okButtonProps: { danger: true },
      onOk: () =>
        withdraw.mutateAsync({ step: `files/${encodeURIComponent(f.id)}/withdraw` }).then(
          () => void message.success(tm.files.withdrawn),
          (error: unknown) => void message.error(errorMessage(error)),
        ),
    });

  return (
    <>
      <List<MeetingFile>
        className="vp-meeting-files"
        size="small"
        dataSource={files}
        locale={{ emptyText: tm.meeting.noDocuments }}
        renderItem={(f) => {
          const isChanged = changed.has(f.id) || f.changed;
          return (
            <List.Item key={f.id} style={{ flexWrap: 'wrap', gap: 8, paddingInline: 0 }} data-file={f.fileName}>
              <Flex vertical style={{ minWidth: 0, flex: '1 1 220px' }}>
                <span style={{ wordBreak: 'break-word' }}>
                  {isChanged ? (
                    <Tag color={f.replacesId ? 'orange' : 'red'}>{f.replacesId ? tm.files.replaced : tm.files.new}</Tag>
                  ) : null}
                  <a
                    href={meetingFileUrl(meeting.id, f.id, !viewable(f))}
                    onClick={viewable(f) ? view(f) : opened}
                    style={{ fontWeight: isChanged ? 600 : undefined }}
                  >
                    <PaperClipOutlined /> {f.fileName}
                  </a>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    size(f.size),
                    f.pages ? tm.files.pages(f.pages) : null,
                    f.addedBy,
                    formatDateTimeShort(f.addedAt),
                    f.openedAt ? `${tm.files.opened} ${formatDateTimeShort(f.openedAt)}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  {f.openedBy !== null && invitedCount > 0 ? (
                    <Tag style={{ marginLeft: 6 }} color={f.openedBy >= invitedCount ? 'success' : 'default'}>
                      {tm.files.openedBy(f.openedBy, invitedCount)}
                    </Tag>
                  ) : null}
                </Typography.Text>
              </Flex>
              <Flex gap={4} wrap>
                {viewable(f) ? (
                  <Button size="small" icon={<EyeOutlined />} onClick={view(f)}>
                    {tm.files.open}
                  </Button>
                ) : null}
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  href={meetingFileUrl(meeting.id, f.id, true)}
                  onClick={opened}
                  aria-label={`${tm.files.download} ${f.fileName}`}
                >
                  {tm.files.download}
                </Button>
                {manage ? (
                  <>
                    <Button size="small" icon={<SwapOutlined />} onClick={() => onReplace(f)}>
                      {tm.files.replace}
                    </Button>
                    <Button size="small" danger onClick={() => confirmWithdraw(f)}>
                      {tm.files.withdraw}
                    </Button>
                  </>
                ) : null}
              </Flex>
            </List.Item>
          );
        }}
      />
      <FileViewer file={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
