import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { lazy, useState } from 'react';
import type { MeetingFile, MeetingView } from '../../../../common/schemas/meetings';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import { tm } from '../meetings.i18n';
import MeetingFileList from './MeetingFileList';

// Adding and replacing files (upload) come when a button is pressed.
const AddFilesDialog = lazy(() => import('../dialogs/FileDialogs').then((m) => ({ default: m.AddFilesDialog })));
const ReplaceFileDialog = lazy(() => import('../dialogs/FileDialogs').then((m) => ({ default: m.ReplaceFileDialog })));

type Adding = { minutes: false; agendaItemId: string | null } | { minutes: true };

/**
 * The agenda, each item with its documents; the documents for the whole meeting; and,
 * afterwards, the minutes and conclusions. Buttons only where the server allows them.
 */
export default function MeetingDocuments({ meeting, changed }: { meeting: MeetingView; changed: Set<string> }) {
  const [adding, setAdding] = useState<Adding | null>(null);
  const [replacing, setReplacing] = useState<MeetingFile | null>(null);
  const canAdd = meeting.actions.includes('addFiles');
  const canMinutes = meeting.actions.includes('minutes');
  const documents = meeting.files.filter((f) => f.kind === 'document');
  const general = documents.filter((f) => !f.agendaItemId || !meeting.agenda.some((a) => a.id === f.agendaItemId));
  const minutes = meeting.files.filter((f) => f.kind === 'minutes' || f.kind === 'conclusion');
  const list = (files: MeetingFile[], manage: boolean) => (
    <MeetingFileList meeting={meeting} files={files} changed={changed} manage={manage} onReplace={setReplacing} />
  );

  return (
    <>
      <Card
        size="small"
        title={tm.meeting.agenda}
        extra={
          canAdd ? (
            <Button
              size="small"
              type="primary"
              ghost
              icon={<PlusOutlined />}
              onClick={() => setAdding({ minutes: false, agendaItemId: null })}
            >
              {tm.files.add}
            </Button>
          ) : null
        }
      >
        {meeting.agenda.length === 0 && general.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tm.meeting.noAgenda} style={{ margin: 0 }} />
        ) : null}
        <Flex vertical gap={12}>
          {meeting.agenda.map((item, index) => {
            const files = documents.filter((f) => f.agendaItemId === item.id);
            return (
              <div key={item.id} data-agenda-item={index + 1}>
                <Flex justify="space-between" align="start" gap={8}>
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Typography.Text strong>
                      {index + 1}. {item.title}
                    </Typography.Text>
                    {item.presenterName ? (
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {tm.meeting.presenter(item.presenterName)}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                  {canAdd ? (
                    <Button
                      size="small"
                      type="text"
                      icon={<PlusOutlined />}
                      aria-label={`${tm.files.add}: ${item.title}`}
                      title={tm.files.add}
                      onClick={() => setAdding({ minutes: false, agendaItemId: item.id })}
                    />
                  ) : null}
                </Flex>
                {files.length > 0 ? <div style={{ paddingLeft: 16 }}>{list(files, canAdd)}</div> : null}
              </div>
            );
          })}
          {general.length > 0 ? (
            <div>
              <Typography.Text strong>{tm.meeting.otherDocuments}</Typography.Text>
              {list(general, canAdd)}
            </div>
          ) : null}
        </Flex>
      </Card>
      {minutes.length > 0 || canMinutes ? (
        <Card
          size="small"
          title={tm.meeting.minutes}
          extra={
            canMinutes ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding({ minutes: true })}>
                {tm.files.addMinutes}
              </Button>
            ) : null
          }
        >
          {minutes.length === 0 ? (
            <Typography.Text type="secondary">{tm.meeting.noMinutes}</Typography.Text>
          ) : (
            list(minutes, canMinutes)
          )}
        </Card>
      ) : null}
      <MountWhenOpened open={adding !== null || replacing !== null}>
        {adding ? (
          <AddFilesDialog
            meeting={meeting}
            minutes={adding.minutes}
            agendaItemId={adding.minutes ? null : adding.agendaItemId}
            onClose={() => setAdding(null)}
          />
        ) : null}
        {replacing ? <ReplaceFileDialog meeting={meeting} file={replacing} onClose={() => setReplacing(null)} /> : null}
      </MountWhenOpened>
    </>
  );
}
