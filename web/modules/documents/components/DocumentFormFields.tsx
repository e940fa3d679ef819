import { Col, Form, Input, Select } from 'antd';
import {
  DOCUMENT_LIMITS,
  SECRECY_LABELS,
  SECRECY_LEVELS,
  URGENCY_LABELS,
  URGENCY_LEVELS,
} from '../../../../common/documents';
import { tdoc } from '../documents.i18n';
import { summaryRules } from './incomingValues';

/** Fields an incoming registration and an outgoing draft share, as columns of the form's row. */
export function SummaryAndSignerFields() {
  return (
    <>
      <Col xs={24}>
        <Form.Item name="summary" label={tdoc.form.summary} rules={summaryRules}>
          <Input.TextArea maxLength={DOCUMENT_LIMITS.summary} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="signerName" label={tdoc.form.signerName}>
          <Input maxLength={DOCUMENT_LIMITS.signer} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="signerPosition" label={tdoc.form.signerPosition}>
          <Input maxLength={DOCUMENT_LIMITS.signer} />
        </Form.Item>
      </Col>
    </>
  );
}

/** Secrecy and urgency, side by side; `md` is each one's width on a wide screen (of 24). */
export function SecrecyUrgencyFields({ md = 12 }: { md?: number }) {
  return (
    <>
      <Col xs={12} md={md}>
        <Form.Item name="secrecy" label={tdoc.form.secrecy}>
          <Select options={SECRECY_LEVELS.map((s) => ({ value: s, label: SECRECY_LABELS[s] }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={md}>
        <Form.Item name="urgency" label={tdoc.form.urgency}>
          <Select options={URGENCY_LEVELS.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} />
        </Form.Item>
      </Col>
    </>
  );
}
