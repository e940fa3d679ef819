import { Alert, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { MEETING_FILE_KIND_LABELS, MEETING_LIMITS } from '../../../../common/meetings';
import type { MeetingFile, MeetingView } from '../../../../common/schemas/meetings';
import FileUploadField from '../../documents/components/FileUploadField';
import { tm } from '../meetings.i18n';
import MeetingModal from './MeetingModal';

type AddKind = 'document' | 'minutes' | 'conclusion';

interface AddValues {
  kind: AddKind;
  agendaItemId?: string | null;
  uploadIds?: string[];
}

const atLeastOne = (message: string) => ({
  validator: (_: unknown, value: string[] | undefined) =>
    value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(message)),
});

/**
 * Documents for the meeting (for one agenda item or for the whole meeting), or, after
 * it, its minutes and conclusions; invitees are told and see them marked new.
 */
export function AddFilesDialog({
  meeting,
  minutes,
  agendaItemId,
  onClose,
}: {
  meeting: MeetingView;
  /** Minutes and conclusions rather than meeting documents. */
  minutes: boolean;
  agendaItemId?: string | null;
  onClose: () => void;
}) {
  const [uploading, setUploading] = useState(false);
  return (
    <MeetingModal<AddValues>
      meeting={meeting}
      step="files"
      title={minutes ? tm.files.addMinutesTitle : tm.files.addTitle}
      okText={minutes ? tm.files.addMinutes : tm.files.add}
      okDisabled={uploading}
      onDone={() => tm.files.added}
      onClose={onClose}
      toBody={(v) => ({
        uploadIds: v.uploadIds ?? [],
        kind: v.kind,
        ...(v.kind === 'document' && v.agendaItemId ? { agendaItemId: v.agendaItemId } : {}),
      })}
    >
      {() => (
        <>
          {minutes ? (
            <Form.Item name="kind" label={tm.files.kind} initialValue="minutes">
              <Radio.Group
                options={(['minutes', 'conclusion'] as const).map((k) => ({
                  value: k,
                  label: MEETING_FILE_KIND_LABELS[k],
                }))}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="kind" initialValue="document" hidden>
                <Input />
              </Form.Item>
              <Form.Item name="agendaItemId" label={tm.files.agendaItem} initialValue={agendaItemId ?? null}>
                <Select
                  options={[
                    { value: null, label: tm.files.noAgendaItem },
                    ...meeting.agenda.map((a, i) => ({ value: a.id, label: `${i + 1}. ${a.title}` })),
                  ]}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </>
          )}
          <Form.Item name="uploadIds" label={tm.files.files} required rules={[atLeastOne(tm.files.filesRequired)]}>
            <FileUploadField onUploadingChange={setUploading} />
          </Form.Item>
          {uploading ? <Alert type="info" showIcon title={tm.form.uploading} /> : null}
        </>
      )}
    </MeetingModal>
  );
}

/** A newer version of one document: the old one stays in the trail, invitees see "replaced". */
export function ReplaceFileDialog({
  meeting,
  file,
  onClose,
}: {
  meeting: MeetingView;
  file: MeetingFile;
  onClose: () => void;
}) {
  const [uploading, setUploading] = useState(false);
  return (
    <MeetingModal<{ uploadIds?: string[]; note?: string }>
      meeting={meeting}
      step={`files/${encodeURIComponent(file.id)}/replace`}
      title={tm.files.replaceTitle(file.fileName)}
      okText={tm.files.replace}
      okDisabled={uploading}
      onDone={() => tm.files.replacedDone}
      onClose={onClose}
      toBody={(v) => ({ uploadId: v.uploadIds?.[0], note: v.note?.trim() || null })}
    >
      {() => (
        <>
          <Typography.Paragraph type="secondary">{tm.files.replaceHint}</Typography.Paragraph>
          <Form.Item
            name="uploadIds"
            label={tm.files.replaceFile}
            required
            rules={[
              atLeastOne(tm.files.replaceFileRequired),
              {
                validator: (_, value: string[] | undefined) =>
                  (value?.length ?? 0) > 1 ? Promise.reject(new Error(tm.files.replaceOneFile)) : Promise.resolve(),
              },
            ]}
          >
            <FileUploadField onUploadingChange={setUploading} />
          </Form.Item>
          <Form.Item name="note" label={tm.files.note}>
            <Input.TextArea maxLength={MEETING_LIMITS.fileNote} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </>
      )}
    </MeetingModal>
  );
}
