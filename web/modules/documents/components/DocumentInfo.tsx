import { Descriptions, Flex } from 'antd';
import { Link } from 'react-router-dom';
import { PARTY_DOCUMENT_TYPES } from '../../../../common/docnumber/format';
import { CHANNEL_LABELS, type Channel, SECRECY_LABELS, URGENCY_LABELS } from '../../../../common/documents';
import type { DocumentLink, DocumentView } from '../../../../common/schemas/documents';
import { formatCalendarDate } from '../../../app/format';
import { t } from '../../../app/i18n';
import { tdoc } from '../documents.i18n';

/** A linked document by its number (or as a draft) and abstract, opening its page. */
function LinkTo({ link }: { link: DocumentLink }) {
  return (
    <Link to={`/documents/${encodeURIComponent(link.documentId)}`} data-link={link.documentId}>
      {link.numberText ?? tdoc.doc.noNumberYet}
      {link.direction === 'incoming' ? ` — ${link.issuerName}` : ''}: {link.summary}
    </Link>
  );
}

/** An outgoing document replacing or replaced by this one, as "Số … — trích yếu", opening its page. */
function ReplacementLink({ link }: { link: DocumentLink }) {
  return (
    <Link to={`/documents/${encodeURIComponent(link.documentId)}`} data-link={link.documentId}>
      {tdoc.doc.numberAndSummary(link.numberText, link.summary)}
    </Link>
  );
}

/** The register's fields for one document (ND 30, Appendix VI), one column on a phone. */
export default function DocumentInfo({ doc }: { doc: DocumentView }) {
  const none = t.common.none;
  const typeName = PARTY_DOCUMENT_TYPES[doc.typeCode as keyof typeof PARTY_DOCUMENT_TYPES] ?? doc.typeCode;
  const items = [
    { key: 'number', label: tdoc.form.numberText, children: doc.numberText ?? tdoc.list.noNumber },
    { key: 'type', label: tdoc.form.type, children: typeName },
    ...(doc.direction === 'incoming'
      ? [
          { key: 'arrival', label: tdoc.list.colArrival, children: doc.arrivalNumber ?? none },
          { key: 'arrivalDate', label: tdoc.form.arrivalDate, children: formatCalendarDate(doc.arrivalDate) || none },
          { key: 'issuer', label: tdoc.form.issuer, children: doc.issuerName },
        ]
      : [{ key: 'org', label: tdoc.form.organization, children: doc.organizationName }]),
    { key: 'issueDate', label: tdoc.form.issueDate, children: formatCalendarDate(doc.issueDate) || none },
    { key: 'register', label: tdoc.doc.registerName, children: doc.registerName ?? none },
    {
      key: 'signer',
      label: tdoc.form.signerName,
      children: [doc.signerName, doc.signerPosition].filter(Boolean).join(' — ') || none,
    },
    { key: 'secrecy', label: tdoc.form.secrecy, children: SECRECY_LABELS[doc.secrecy] },
    { key: 'urgency', label: tdoc.form.urgency, children: URGENCY_LABELS[doc.urgency] },
    { key: 'due', label: tdoc.form.dueDate, children: formatCalendarDate(doc.dueDate) || none },
    { key: 'pages', label: tdoc.form.pageCount, children: doc.pageCount ?? none },
    ...(doc.direction === 'incoming'
      ? [
          {
            key: 'channel',
            label: tdoc.form.channel,
            children: doc.channel ? (CHANNEL_LABELS[doc.channel as Channel] ?? doc.channel) : none,
          },
        ]
      : [{ key: 'copies', label: tdoc.form.copies, children: doc.copies ?? none }]),
    { key: 'leader', label: tdoc.doc.leader, children: doc.leaderName ?? none },
    ...(doc.source
      ? [{ key: 'source', label: tdoc.inbox.from, children: tdoc.doc.source(doc.source.organizationName) }]
      : []),
    ...(doc.replyTo
      ? [{ key: 'replyTo', label: tdoc.doc.replyTo, span: 'filled' as const, children: <LinkTo link={doc.replyTo} /> }]
      : []),
    ...(doc.replies.length > 0
      ? [
          {
            key: 'replies',
            label: tdoc.doc.replies,
            span: 'filled' as const,
            children: (
              <Flex vertical gap={4}>
                {doc.replies.map((r) => (
                  <LinkTo key={r.documentId} link={r} />
                ))}
              </Flex>
            ),
          },
        ]
      : []),
    ...(doc.replaces
      ? [
          {
            key: 'replaces',
            label: tdoc.doc.replaces,
            span: 'filled' as const,
            children: <ReplacementLink link={doc.replaces} />,
          },
        ]
      : []),
    ...(doc.replacedBy.length > 0
      ? [
          {
            key: 'replacedBy',
            label: tdoc.doc.replacedBy,
            span: 'filled' as const,
            children: (
              <Flex vertical gap={4}>
                {doc.replacedBy.map((r) => (
                  <ReplacementLink key={r.documentId} link={r} />
                ))}
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} items={items} />;
}
