import { AutoComplete, Col, Divider, Form, type FormInstance, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { SECRECY_LABELS, SECRECY_LEVELS } from '../../../../common/documents';
import { MEETING_BODIES, MEETING_BODY_LABELS, MEETING_LIMITS } from '../../../../common/meetings';
import { tm } from '../meetings.i18n';
import DateTimeField from './DateTimeField';
import { endAfterNewStart, type MeetingValues, meetingRules } from './meetingValues';
import PersonNameInput from './PersonNameInput';

/** Who usually signs a Party committee's invitation "for" the committee. */
const AUTHORITIES = ['T/M BAN THƯỜNG VỤ', 'T/M BAN CHẤP HÀNH', 'K/T BÍ THƯ', 'T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG'];

/** The meeting's own fields: who meets, when, where, and who signs the invitation. */
export default function MeetingFields({
  form,
  organizations,
  editing,
}: {
  form: FormInstance<MeetingValues>;
  organizations: [string, string][];
  editing: boolean;
}) {
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name="organizationId" label={tm.form.organization} rules={meetingRules.organizationId}>
          <Select
            disabled={editing}
            options={organizations.map(([id, name]) => ({ value: id, label: name }))}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="body" label={tm.form.body}>
          <Select options={MEETING_BODIES.map((b) => ({ value: b, label: MEETING_BODY_LABELS[b] }))} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="title" label={tm.form.title} rules={meetingRules.title}>
          <Input.TextArea
            maxLength={MEETING_LIMITS.title}
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder={tm.form.titlePlaceholder}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="startsAt" label={tm.form.startsAt} extra={tm.form.timeHint} rules={meetingRules.startsAt}>
          <DateTimeField
            onChange={(start: Dayjs | null) => {
              const end = endAfterNewStart(start, form.getFieldValue('endsAt') as Dayjs | undefined);
              if (end) form.setFieldValue('endsAt', end);
            }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="endsAt" label={tm.form.endsAt} dependencies={['startsAt']} rules={meetingRules.endsAt}>
          <DateTimeField />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="place" label={tm.form.place} rules={meetingRules.place}>
          <Input maxLength={MEETING_LIMITS.place} placeholder={tm.form.placePlaceholder} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={14} md={7}>
        <Form.Item name="chairName" label={tm.form.chair}>
          <PersonNameInput />
        </Form.Item>
      </Col>
      <Col xs={24} sm={10} md={5}>
        <Form.Item name="secrecy" label={tm.form.secrecy}>
          <Select options={SECRECY_LEVELS.map((s) => ({ value: s, label: SECRECY_LABELS[s] }))} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="content" label={tm.form.content}>
          <Input.TextArea
            maxLength={MEETING_LIMITS.content}
            showCount
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder={tm.form.contentPlaceholder}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {tm.form.signer}
        </Divider>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="signerAuthority" label={tm.form.signerAuthority}>
          <AutoComplete
            options={AUTHORITIES.map((a) => ({ value: a }))}
            placeholder={tm.form.signerAuthorityPlaceholder}
            maxLength={MEETING_LIMITS.name}
            allowClear
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="signerPosition" label={tm.form.signerPosition}>
          <Input maxLength={MEETING_LIMITS.name} placeholder={tm.form.signerPositionPlaceholder} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="signerName" label={tm.form.signerName}>
          <PersonNameInput
            placeholder=""
            onPickPosition={(position) => {
              if (position && !form.getFieldValue('signerPosition')) form.setFieldValue('signerPosition', position);
            }}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
