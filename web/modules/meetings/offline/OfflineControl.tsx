import { CloudDownloadOutlined, DeleteOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { MeetingSummary } from '../../../../common/schemas/meetings';
import { formatDateTimeShort } from '../../../app/format';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { PapersError, removePapers, type SavedPackage, savePapers } from '../../../app/pwa/papers';
import { formatSize, to } from './offline.i18n';
import { keepLoadedAssets } from './useOffline';

/**
 * Under an invitation on "my meetings": keep its papers on the phone to read with no signal,
 * see how far the download got, when it was kept and how much room it takes, or drop it.
 * Not offered for a secret meeting, whose papers never leave the office's systems.
 */
export default function OfflineControl({
  meeting,
  saved,
  onChange,
}: {
  meeting: MeetingSummary;
  saved: SavedPackage | undefined;
  onChange: () => void;
}) {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (meeting.secrecy !== 'normal' || meeting.status === 'draft') return null;

  const save = async () => {
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      await savePapers(meeting.id, user.id, (done, total) => setProgress({ done, total }));
      await keepLoadedAssets();
      message.success(to.savedDone);
      onChange();
    } catch (failure) {
      setError(failure instanceof PapersError ? failure.message : String(failure));
    } finally {
      setProgress(null);
    }
  };
  const remove = async () => {
    await removePapers(meeting.id);
    message.info(to.removed);
    onChange();
  };

  return (
    <Flex vertical gap={6} className="vp-offline-control" data-offline={saved ? 'saved' : 'none'}>
      {progress ? (
        <div>
          <Typography.Text type="secondary">{to.saving(progress.done, progress.total)}</Typography.Text>
          <Progress
            percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
            size="small"
            showInfo={false}
          />
        </div>
      ) : saved ? (
        <Flex gap={8} wrap align="center" justify="space-between">
          <Typography.Text type="success" className="vp-offline-saved">
            {to.saved(formatDateTimeShort(saved.savedAt), formatSize(saved.bytes))}
          </Typography.Text>
          <Flex gap={8}>
            <Button href={`/meetings/offline?id=${encodeURIComponent(meeting.id)}`} icon={<ReadOutlined />}>
              {to.read}
            </Button>
            <Button icon={<DeleteOutlined />} onClick={() => void remove()}>
              {to.remove}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Button block icon={<CloudDownloadOutlined />} onClick={() => void save()}>
          {to.save}
        </Button>
      )}
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Flex>
  );
}
