import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { lazy, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../app/api/client';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatCalendarDate } from '../../../app/format';
import { useMarkUsable } from '../../../app/hooks/useMarkUsable';
import EdxmlDownloadButton from '../../exchange/components/EdxmlDownloadButton';
import { fileUrl, useDocument } from '../api/documents.api';
import DeliveryStatus from '../components/DeliveryStatus';
import DocumentActions from '../components/DocumentActions';
import DocumentFiles from '../components/DocumentFiles';
import DocumentInfo from '../components/DocumentInfo';
import { MarkTags, StatusTag } from '../components/DocumentTags';
import { AssignmentList, DocumentTimeline } from '../components/DocumentTimeline';
import DraftVersions from '../components/DraftVersions';
import { tdoc } from '../documents.i18n';

// Editing and replying open the drafting form; its code comes when one of them is pressed.
const OutgoingForm = lazy(() => import('../components/OutgoingForm'));

/** One document: its fields, files, handling, trail and, for outgoing ones, each recipient's status. */
export default function DocumentPage() {
  const { id = '' } = useParams();
  const document = useDocument(id);
  const [editing, setEditing] = useState(false);
  const [replying, setReplying] = useState(false);
  const doc = document.data;
  useMarkUsable('document', doc !== undefined);

  if (document.isError && document.error instanceof ApiError && document.error.status === 404) {
    return <Result status="404" title={tdoc.doc.notFound} extra={<Link to="/incoming">{tdoc.incomingTitle}</Link>} />;
  }
  if (document.isError && !doc) {
    return <QueryErrorAlert error={document.error} onRetry={() => document.refetch()} retrying={document.isFetching} />;
  }
  if (!doc) return <Skeleton active />;

  const back = doc.direction === 'incoming' ? '/incoming' : '/outgoing';
  return (
    <>
      <Link to={back}>
        <ArrowLeftOutlined /> {doc.direction === 'incoming' ? tdoc.incomingTitle : tdoc.outgoingTitle}
      </Link>
      <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {doc.summary}
        </Typography.Title>
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">{doc.numberText ?? tdoc.list.noNumber}</Typography.Text>
          <StatusTag status={doc.status} direction={doc.direction} />
          {doc.replacedBy.length > 0 ? <Tag color="warning">{tdoc.doc.replacedTag}</Tag> : null}
          <MarkTags urgency={doc.urgency} secrecy={doc.secrecy} overdue={doc.overdue} />
        </Flex>
        {doc.extensionRequest ? (
          <Alert
            type="warning"
            showIcon
            className="vp-extension-pending"
            title={tdoc.actions.extensionPending(
              doc.extensionRequest.requestedByName,
              formatCalendarDate(doc.extensionRequest.proposedDue),
            )}
          />
        ) : null}
        <DocumentActions doc={doc} onEdit={() => setEditing(true)} onReply={() => setReplying(true)} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={tdoc.doc.info}>
              <DocumentInfo doc={doc} />
            </Card>
            <Card size="small" title={tdoc.doc.files}>
              <DocumentFiles files={doc.files} url={(fileId, inline) => fileUrl(doc.id, fileId, inline)} />
              {doc.direction === 'incoming' || doc.numberText ? (
                <div style={{ marginTop: 12 }}>
                  <EdxmlDownloadButton documentId={doc.id} />
                </div>
              ) : null}
            </Card>
            {doc.direction === 'outgoing' ? (
              <Card size="small" title={doc.deliveries.length > 0 ? tdoc.doc.deliveries : tdoc.doc.recipients}>
                <DeliveryStatus document={doc} />
              </Card>
            ) : null}
            {doc.direction === 'outgoing' ? (
              <Card size="small" title={tdoc.doc.versions} className="vp-versions-card">
                <DraftVersions doc={doc} />
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            {doc.direction === 'incoming' ? (
              <Card size="small" title={tdoc.doc.assignments}>
                <AssignmentList assignments={doc.assignments} />
              </Card>
            ) : null}
            <Card size="small" title={tdoc.doc.timeline}>
              <DocumentTimeline events={doc.events} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {doc.actions.includes('reply') ? (
        <MountWhenOpened open={replying}>
          <OutgoingForm open={replying} replyTo={doc} onClose={() => setReplying(false)} />
        </MountWhenOpened>
      ) : null}
      {doc.actions.includes('edit') ? (
        <MountWhenOpened open={editing}>
          <OutgoingForm open={editing} draft={doc} onClose={() => setEditing(false)} />
        </MountWhenOpened>
      ) : null}
    </>
  );
}
