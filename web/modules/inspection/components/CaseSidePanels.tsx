import { CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ACCESS_ROLE_LABELS,
  ACCESS_ROLES,
  APPEAL_OUTCOME_LABELS,
  DENUNCIATION_SOURCE_LABELS,
  DISCIPLINE_FORM_LABELS,
  DOCUMENT_ROLE_LABELS,
  DOCUMENT_ROLES,
  SUBJECT_TYPE_LABELS,
} from '../../../../common/inspection';
import type { CaseView } from '../../../../common/schemas/inspection';
import { errorMessage } from '../../../app/api/client';
import { formatCalendarDate } from '../../../app/format';
import { useGrantAccess, useInspectionOptions, useLinkDocument, useRevokeAccess } from '../api/inspection.api';
import { ti } from '../inspection.i18n';
import DocumentPicker from './DocumentPicker';

const p = ti.page;

export function SubjectsCard({ view }: { view: CaseView }) {
  return (
    <Card size="small" title={p.subjects}>
      <List
        size="small"
        dataSource={view.subjects}
        renderItem={(s) => (
          <List.Item>
            <Flex vertical>
              <strong>{s.name}</strong>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {SUBJECT_TYPE_LABELS[s.type]}
                {s.position ? ` · ${s.position}` : ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {view.denouncer ? (
        <Alert
          type="info"
          title={p.denouncer}
          description={[
            view.denouncer.name,
            view.denouncer.address,
            view.denouncer.phone,
            view.denouncer.source ? DENUNCIATION_SOURCE_LABELS[view.denouncer.source] : null,
          ]
            .filter(Boolean)
            .join(' · ')}
          style={{ marginTop: 8 }}
        />
      ) : view.denouncerHidden ? (
        <Alert type="warning" title={p.denouncerHidden} style={{ marginTop: 8 }} />
      ) : null}
    </Card>
  );
}

export function DisciplinesCard({ view }: { view: CaseView }) {
  return (
    <Card size="small" title={p.disciplines}>
      {view.disciplines.length === 0 ? (
        <Typography.Text type="secondary">{p.noDisciplines}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={view.disciplines}
          renderItem={(d) => (
            <List.Item data-discipline={d.form}>
              <Flex vertical>
                <span>
                  <strong>{d.subjectName}</strong>: <Tag color="red">{DISCIPLINE_FORM_LABELS[d.form]}</Tag>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.decidingBody} · {formatCalendarDate(d.decidedOn)}
                  {d.outcome ? ` · ${APPEAL_OUTCOME_LABELS[d.outcome]}` : ''}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function DocumentsCard({ view }: { view: CaseView }) {
  const [open, setOpen] = useState(false);
  const link = useLinkDocument(view.id);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  return (
    <Card
      size="small"
      title={p.documents}
      extra={
        view.actions.includes('link') ? (
          <Button size="small" onClick={() => setOpen(true)}>
            {p.linkDocument}
          </Button>
        ) : null
      }
    >
      {view.documents.length === 0 ? (
        <Typography.Text type="secondary">{p.noDocuments}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={view.documents}
          renderItem={(d) => (
            <List.Item>
              <Flex vertical>
                <Link to={`/documents/${encodeURIComponent(d.documentId)}`}>
                  {d.numberText ? `${d.numberText} — ` : ''}
                  {d.summary}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {DOCUMENT_ROLE_LABELS[d.role]}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {open ? (
        <Modal open title={p.linkDocument} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form
            layout="vertical"
            initialValues={{ role: 'other' }}
            onFinish={async (v: { documentId: string; role: string }) => {
              try {
                await link.mutateAsync(v);
                message.success(p.linkDocument);
                setOpen(false);
              } catch (failure) {
                setError(errorMessage(failure));
              }
            }}
          >
            <Form.Item name="documentId" label={p.documentId} rules={[{ required: true, message: ti.form.required }]}>
              <DocumentPicker />
            </Form.Item>
            <Form.Item name="role" label={p.documentRole}>
              <Select options={DOCUMENT_ROLES.map((r) => ({ value: r, label: DOCUMENT_ROLE_LABELS[r] }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={link.isPending}>
              {p.linkDocument}
            </Button>
          </Form>
        </Modal>
      ) : null}
    </Card>
  );
}

export function AccessCard({ view }: { view: CaseView }) {
  const options = useInspectionOptions();
  const grant = useGrantAccess(view.id);
  const revoke = useRevokeAccess(view.id);
  const { modal } = App.useApp();
  const [userId, setUserId] = useState<string>();
  const [role, setRole] = useState<string>('handler');
  const [error, setError] = useState<string | null>(null);
  return (
    <Card size="small" title={p.access}>
      {view.access.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      {view.access.map((a) => (
        <Tag
          key={a.userId}
          style={{ marginBottom: 4 }}
          closable={view.actions.includes('grant')}
          closeIcon={<CloseOutlined aria-label={`Thôi giao vụ việc cho ${a.fullName}`} />}
          onClose={(e) => {
            // The tag stays until the server has agreed.
            e.preventDefault();
            modal.confirm({
              title: `Thôi giao vụ việc cho đồng chí ${a.fullName}?`,
              content: 'Đồng chí này sẽ không xem được vụ việc nữa (trừ khi là Ủy viên Ủy ban Kiểm tra).',
              okText: 'Thôi giao',
              okButtonProps: { danger: true },
              cancelText: 'Hủy',
              onOk: async () => {
                setError(null);
                try {
                  await revoke.mutateAsync(a.userId);
                } catch (failure) {
                  setError(errorMessage(failure));
                }
              },
            });
          }}
        >
          {a.fullName} · {ACCESS_ROLE_LABELS[a.role]}
        </Tag>
      ))}
      {view.actions.includes('grant') ? (
        <Flex gap={4} wrap style={{ marginTop: 8 }}>
          <Select
            aria-label={p.grantUser}
            placeholder={p.grantUser}
            value={userId}
            onChange={setUserId}
            options={(options.data?.officers ?? []).map((o) => ({ value: o.id, label: o.fullName }))}
            style={{ flex: '1 1 160px' }}
          />
          <Select
            aria-label={p.grantRole}
            value={role}
            onChange={setRole}
            options={ACCESS_ROLES.map((r) => ({ value: r, label: ACCESS_ROLE_LABELS[r] }))}
            style={{ width: 140 }}
          />
          <Button
            disabled={!userId}
            loading={grant.isPending}
            onClick={async () => {
              setError(null);
              try {
                if (userId) await grant.mutateAsync({ userId, role });
              } catch (failure) {
                setError(errorMessage(failure));
              }
            }}
          >
            {p.grant}
          </Button>
        </Flex>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}
