import { DownloadOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentFile } from '../../../../common/schemas/documents';
import FileSignatures from '../../../app/components/FileSignatures';
import { formatDateTimeShort } from '../../../app/format';
import { tdoc } from '../documents.i18n';

/** A file as a document or a delivery lists it; a delivery's files carry no kind or author. */
export type FileEntry = Pick<DocumentFile, 'id' | 'fileName' | 'size' | 'contentType'> &
  Partial<Pick<DocumentFile, 'kind' | 'addedAt' | 'addedBy'>>;

const previewable = (f: FileEntry) => f.contentType === 'application/pdf' || f.contentType.startsWith('image/');

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files of a document (or of a delivery): download any, preview PDF and images in the page. */
export default function DocumentFiles({
  files,
  url,
}: {
  files: FileEntry[];
  /** Where a file is read; `inline` for the preview. */
  url: (fileId: string, inline?: boolean) => string;
}) {
  const [previewing, setPreviewing] = useState<FileEntry | null>(null);
  if (files.length === 0) return <Typography.Text type="secondary">{tdoc.doc.noFiles}</Typography.Text>;
  return (
    <>
      <List<FileEntry>
        className="vp-files"
        size="small"
        dataSource={files}
        renderItem={(f) => (
          <List.Item
            key={f.id}
            actions={[
              ...(previewable(f)
                ? [
                    <Button key="view" size="small" icon={<EyeOutlined />} onClick={() => setPreviewing(f)}>
                      {tdoc.doc.preview}
                    </Button>,
                  ]
                : []),
              <Button key="get" size="small" icon={<DownloadOutlined />} href={url(f.id)} download>
                {tdoc.doc.download}
              </Button>,
            ]}
            style={{ flexWrap: 'wrap' }}
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text style={{ wordBreak: 'break-all' }}>
                <PaperClipOutlined /> {f.fileName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.kind ? <Tag>{tdoc.doc.fileKind[f.kind] ?? f.kind}</Tag> : null}
                {[size(f.size), f.addedBy, f.addedAt ? formatDateTimeShort(f.addedAt) : undefined]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              {f.contentType === 'application/pdf' ? <FileSignatures url={`${url(f.id)}/signatures`} /> : null}
            </Flex>
          </List.Item>
        )}
      />
      <Modal
        open={previewing !== null}
        title={previewing ? tdoc.doc.previewTitle(previewing.fileName) : ''}
        onCancel={() => setPreviewing(null)}
        width="min(960px, 100vw)"
        style={{ top: 16 }}
        footer={
          previewing ? (
            <Button href={url(previewing.id, true)} target="_blank" rel="noopener">
              {tdoc.doc.openNewTab}
            </Button>
          ) : null
        }
        destroyOnHidden
      >
        {previewing?.contentType === 'application/pdf' ? (
          <iframe
            title={previewing.fileName}
            src={url(previewing.id, true)}
            style={{ width: '100%', height: '75vh', border: 'none' }}
          />
        ) : previewing ? (
          <img
            src={url(previewing.id, true)}
            alt={previewing.fileName}
            style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }}
          />
        ) : null}
      </Modal>
    </>
  );
}
