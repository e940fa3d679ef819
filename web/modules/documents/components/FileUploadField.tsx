import { InboxOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { uploadFile } from '../api/documents.api';
import { tdoc } from '../documents.i18n';

/** What the server said of a file it took: the upload id, and its warnings. */
interface Uploaded {
  id: string;
  name: string;
  warnings: string[];
}

/**
 * Sends each chosen file to POST /api/files at once and reports the upload ids; the
 * server decides the type from the bytes, so its refusal (a program, too large) is shown
 * under the file in red, and its warnings about a file it took (renamed to its real type,
 * text not read) in amber, with the name shown as the server keeps it.
 */
export default function FileUploadField({
  id,
  onChange,
  onUploadingChange,
}: {
  id?: string;
  value?: string[];
  onChange?: (uploadIds: string[]) => void;
  onUploadingChange?: (uploading: boolean) => void;
}) {
  const [files, setFiles] = useState<UploadFile<Uploaded>[]>([]);
  const update = (next: UploadFile<Uploaded>[]) => {
    setFiles(next);
    onChange?.(next.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])));
    onUploadingChange?.(next.some((f) => f.status === 'uploading'));
  };

  return (
    <Upload.Dragger
      id={id}
      multiple
      fileList={files}
      onChange={({ fileList }) =>
        // The list shows the name the file is kept under, which the server may have corrected.
        update(fileList.map((f) => (f.status === 'done' && f.response?.name ? { ...f, name: f.response.name } : f)))
      }
      customRequest={({ file, onSuccess, onError }) => {
        uploadFile(file as File).then(
          (uploaded) =>
            onSuccess?.({
              id: uploaded.id,
              name: uploaded.fileName,
              warnings: uploaded.warnings.map((w) => w.message),
            }),
          (error: unknown) => {
            const failure = new Error(errorMessage(error));
            onError?.(failure);
          },
        );
      }}
      itemRender={(node, file) =>
        file.status === 'error' ? (
          <div>
            {node}
            <div style={{ color: '#cf1322', fontSize: 13 }}>
              {file.error instanceof Error ? file.error.message : ''}
            </div>
          </div>
        ) : file.status === 'done' && file.response?.warnings.length ? (
          <div>
            {node}
            {file.response.warnings.map((warning) => (
              <div key={warning} role="status" style={{ color: '#ad6800', fontSize: 13 }}>
                {warning}
              </div>
            ))}
          </div>
        ) : (
          node
        )
      }
      style={{ padding: 8 }}
    >
      <p style={{ margin: 0 }}>
        <InboxOutlined style={{ fontSize: 28, color: '#a8071a' }} />
      </p>
      <p style={{ margin: '4px 0 0' }}>{tdoc.form.upload}</p>
      <p style={{ margin: 0, fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{tdoc.form.filesHint}</p>
    </Upload.Dragger>
  );
}
