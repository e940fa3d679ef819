import { Descriptions, Flex } from 'antd';
import { Link } from 'react-router-dom';
import { PARTY_DOCUMENT_TYPES } from '../../../../common/docnumber/format';
import { CHANNEL_LABELS, type Channel, SECRECY_LABELS, URGENCY_LABELS } from '../../../../common/documents';
import type { DocumentLink, DocumentView } from '../../../../common/schemas/documents';
import { formatCalendarDate } from '../../../app/format';
import { t } from '../../../app/i18n';
import { tdoc } from '../documents.i18n';

/** How a linked document is named: an answer by its number and issuer, a replacement as "Số … — trích yếu". */
const ANSWER = (link: DocumentLink) =>
  `${link.numberText ?? tdoc.doc.noNumberYet}${link.direction === 'incoming' ? ` — ${link.issuerName}` : ''}: ${link.summary}`;
const REPLACEMENT = (link: DocumentLink) => tdoc.doc.numberAndSummary(link.numberText, link.summary);

/** A row of linked documents, each opening its page; no row when there are none. */
function linkRow(key: string, label: string, links: readonly DocumentLink[], name: (link: DocumentLink) => string) {
  if (links.length === 0) return [];
  const anchors = links.map((link) => (
    <Link key={link.documentId} to={`/documents/${encodeURIComponent(link.documentId)}`} data-link={link.documentId}>
      {name(link)}
    </Link>
  ));
  return [
    {
      key,
      label,
      span: 'filled' as const,
      children:
        anchors.length === 1 ? (
          anchors[0]
        ) : (
          <Flex vertical gap={4}>
            {anchors}
          </Flex>
        ),
    },
  ];
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
    ...linkRow('replyTo', tdoc.doc.replyTo, doc.replyTo ? [doc.replyTo] : [], ANSWER),
    ...linkRow('replies', tdoc.doc.replies, doc.replies, ANSWER),
    ...linkRow('replaces', tdoc.doc.replaces, doc.replaces ? [doc.replaces] : [], REPLACEMENT),
    ...linkRow('replacedBy', tdoc.doc.replacedBy, doc.replacedBy, REPLACEMENT),
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} items={items} />;
}
