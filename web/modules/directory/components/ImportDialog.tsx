import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Grid, Modal, Segmented, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportReport, ImportRow, TransferKind } from '../../../../common/schemas/directory-transfer';
import { errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { useImport } from '../api/directory.api';
import { td } from '../directory.i18n';

const STATUS_COLOR: Record<ImportRow['status'], string> = {
  created: 'success',
  updated: 'processing',
  valid: 'default',
  rejected: 'error',
};

function detail(row: ImportRow) {
  if (row.errors.length > 0) {
    return (
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {row.errors.map((e) => (
          <li key={`${e.column ?? ''}:${e.message}`}>
            <Typography.Text type="danger">{e.column ? `${e.column}: ${e.message}` : e.message}</Typography.Text>
          </li>
        ))}
      </ul>
    );
  }
  if (row.status === 'created') return td.transfer.didCreate;
  if (row.status === 'updated') return td.transfer.didUpdate(row.changes);
  return row.action === 'create' ? td.transfer.willCreate : td.transfer.willUpdate(row.changes);
}

/** Upload, see what each row would do (bad rows in red with their reasons), then import the good ones. */
export default function ImportDialog({
  open,
  initialKind,
  onClose,
}: {
  open: boolean;
  initialKind: TransferKind;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<TransferKind>(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const upload = useImport();
  // On a phone the reasons go under each row's key instead of in a column of their own.
  const wide = Grid.useBreakpoint().md === true;

  const reset = () => {
    setFile(null);
    setReport(null);
    setOnlyErrors(false);
    upload.reset();
  };
  const close = () => {
    reset();
    setKind(initialKind);
    onClose();
  };
  const run = (mode: 'preview' | 'valid_only') => {
    if (!file) {
      message.warning(td.transfer.chooseFile);
      return;
    }
    upload.mutate(
      { kind, mode, file },
      {
        onSuccess: (result) => {
          setReport(result);
          setOnlyErrors(false);
          if (result.committed) message.success(td.transfer.done);
        },
      },
    );
  };

  const rows = report ? (onlyErrors ? report.rows.filter((r) => r.status === 'rejected') : report.rows) : [];
  const footer = report ? (
    <Flex justify="end" gap={8} wrap>
      {report.committed ? (
        <Button type="primary" onClick={close}>
          {t.common.close}
        </Button>
      ) : (
        <>
          <Button onClick={reset}>{td.transfer.another}</Button>
          <Button
            type="primary"
            disabled={report.validRows === 0}
            loading={upload.isPending}
            onClick={() => run('valid_only')}
          >
            {td.transfer.confirm} ({report.validRows.toLocaleString('vi-VN')})
          </Button>
        </>
      )}
    </Flex>
  ) : (
    <Flex justify="end" gap={8}>
      <Button onClick={close}>{t.common.cancel}</Button>
      <Button type="primary" disabled={!file} loading={upload.isPending} onClick={() => run('preview')}>
        {td.transfer.check}
      </Button>
    </Flex>
  );

  return (
    <Modal open={open} onCancel={close} title={td.transfer.importTitle} footer={footer} width={900} destroyOnHidden>
      {upload.isError ? (
        <Alert type="error" showIcon title={errorMessage(upload.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {report ? (
        <>
          <Alert
            type={report.committed ? 'success' : report.invalidRows > 0 ? 'warning' : 'info'}
            showIcon
            title={report.message}
            style={{ marginBottom: 12 }}
          />
          {report.invalidRows > 0 ? (
            <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
              <Switch size="small" checked={onlyErrors} onChange={setOnlyErrors} id="vp-only-errors" />
              <label htmlFor="vp-only-errors">{td.transfer.onlyErrors}</label>
            </Flex>
          ) : null}
          <Table<ImportRow>
            rowKey="row"
            size="small"
            dataSource={rows}
            scroll={wide ? { x: 640, y: 420 } : { y: 420 }}
            pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false, size: 'small' } : false}
            onRow={(row) => (row.status === 'rejected' ? { style: { background: '#fff1f0' } } : {})}
            columns={[
              { key: 'row', title: td.transfer.colRow, dataIndex: 'row', width: wide ? 64 : 52 },
              {
                key: 'status',
                title: td.transfer.colStatus,
                width: wide ? 110 : 84,
                render: (_, row) => <Tag color={STATUS_COLOR[row.status]}>{td.transfer.status[row.status]}</Tag>,
              },
              wide
                ? { key: 'key', title: td.transfer.colKey, dataIndex: 'key', width: 180, ellipsis: true }
                : {
                    key: 'key',
                    title: td.transfer.colKey,
                    render: (_, row) => (
                      <div>
                        <div>{row.key}</div>
                        <div style={{ fontSize: 12 }}>{detail(row)}</div>
                      </div>
                    ),
                  },
              ...(wide
                ? [{ key: 'detail', title: td.transfer.colDetail, render: (_: unknown, row: ImportRow) => detail(row) }]
                : []),
            ]}
          />
        </>
      ) : (
        <>
          <Flex align="center" gap={8} style={{ marginBottom: 12 }} wrap>
            <Typography.Text>{td.transfer.kind}:</Typography.Text>
            <Segmented<TransferKind>
              value={kind}
              onChange={setKind}
              options={[
                { value: 'organizations', label: td.transfer.kindOrganizations },
                { value: 'people', label: td.transfer.kindPeople },
              ]}
            />
          </Flex>
          <Upload.Dragger
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              setFile(chosen);
              upload.reset();
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{td.transfer.dropHint}</p>
            <p className="ant-upload-hint">{td.transfer.dropDetail}</p>
          </Upload.Dragger>
        </>
      )}
    </Modal>
  );
}
