import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { useRef } from 'react';
import { MEETING_LIMITS } from '../../../../common/meetings';
import FileUploadField from '../../documents/components/FileUploadField';
import { tm } from '../meetings.i18n';
import { meetingRules } from './meetingValues';
import PersonNameInput from './PersonNameInput';

/** One agenda item as the form holds it; `id` and `fileCount` for items already saved. */
/**
 * The meeting's agenda: each item's title, who presents it and its documents, uploaded
 * at once so the meeting is saved with them.
 */
export default function AgendaField({ onUploadingChange }: { onUploadingChange: (uploading: boolean) => void }) {
  // Which items are still uploading: saving waits for all of them.
  const uploading = useRef(new Set<number>()).current;
  return (
    <Form.List name="agenda">
      {(fields, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {tm.form.agendaHint}
          </Typography.Paragraph>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={tm.form.agendaItem(index + 1)}
              extra={
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={tm.form.removeAgendaItem}
                  title={tm.form.removeAgendaItem}
                  onClick={() => remove(field.name)}
                />
              }
              style={{ marginBottom: 12 }}
            >
              {/* A saved item keeps its id, so its documents stay with it. */}
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={14}>
                  <Form.Item name={[field.name, 'title']} label={tm.form.agendaTitle} rules={meetingRules.agendaTitle}>
                    <Input.TextArea maxLength={MEETING_LIMITS.agendaTitle} autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[field.name, 'presenterName']} label={tm.form.presenter}>
                    <PersonNameInput />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item noStyle dependencies={[['agenda', field.name, 'fileCount']]}>
                    {(form) => {
                      const kept = form.getFieldValue(['agenda', field.name, 'fileCount']) as number | undefined;
                      return kept ? (
                        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
                          {tm.form.keptFiles(kept)}
                        </Typography.Paragraph>
                      ) : null;
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, 'uploadIds']} label={tm.form.agendaFiles} style={{ marginBottom: 0 }}>
                    <FileUploadField
                      onUploadingChange={(busy) => {
                        if (busy) uploading.add(field.key);
                        else uploading.delete(field.key);
                        onUploadingChange(uploading.size > 0);
                      }}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ title: '', uploadIds: [] })}>
            {tm.form.addAgendaItem}
          </Button>
        </>
      )}
    </Form.List>
  );
}
