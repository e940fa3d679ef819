import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Flex, Modal } from 'antd';
import { tm } from '../meetings.i18n';

export interface ViewedFile {
  name: string;
  /** Where it is read inline. */
  url: string;
  /** Where it is downloaded, if that differs. */
  downloadUrl?: string;
  contentType: string;
}

/**
 * A PDF or an image read inside the page, the same on a desktop and a phone: the meeting
 * page stays where it was, and the person comes back to it with one tap.
 */
export default function FileViewer({ file, onClose }: { file: ViewedFile | null; onClose: () => void }) {
  const pdf = file?.contentType === 'application/pdf';
  return (
    <Modal
      open={file !== null}
      title={file ? tm.files.viewerTitle(file.name) : ''}
      onCancel={onClose}
      width="min(960px, 100vw)"
      style={{ top: 8, maxWidth: '100vw', paddingBottom: 0 }}
      className="vp-file-viewer"
      footer={
        file ? (
          <Flex gap={8} wrap justify="end">
            {file.downloadUrl ? (
              <Button icon={<DownloadOutlined />} href={file.downloadUrl} download>
                {tm.files.download}
              </Button>
            ) : null}
            <Button icon={<ExportOutlined />} href={file.url} target="_blank" rel="noopener">
              {tm.files.openNewTab}
            </Button>
          </Flex>
        ) : null
      }
      destroyOnHidden
    >
      {file && pdf ? (
        <iframe title={file.name} src={file.url} style={{ width: '100%', height: '72vh', border: 'none' }} />
      ) : file ? (
        <img src={file.url} alt={file.name} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} />
      ) : null}
    </Modal>
  );
}
