import {
  BookOutlined,
  CloudDownloadOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  PlusOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { Badge, Button, Empty, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router-dom';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import PageLoading from '../../../app/components/PageLoading';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useMarkUsable } from '../../../app/hooks/useMarkUsable';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { canManageRegisters, REGISTERS_PATH } from '../../../app/layout/sections';
import { useRecalls } from '../../exchange/api/exchange.api';
import {
  type Direction,
  DOCUMENT_PAGE_SIZE,
  exportPdfUrl,
  exportXlsxUrl,
  filterQuery,
  useDeliveries,
  useDocumentList,
} from '../api/documents.api';
import { useBookRegister } from '../components/bookRegister';
import DocumentFilterBar from '../components/DocumentFilterBar';
import DocumentTable from '../components/DocumentTable';
import { useFilterParams } from '../components/useFilterParams';
import { tdoc } from '../documents.i18n';

// The registration and drafting forms come over the network only when the button is pressed.
const IncomingForm = lazy(() => import('../components/IncomingForm'));
const OutgoingForm = lazy(() => import('../components/OutgoingForm'));
// What other offices sent, waiting to be accepted: its tab's code comes when the tab is opened.
const DeliveryInbox = lazy(() => import('../components/DeliveryInbox'));
// Outside offices' recall requests sit above that inbox; a package brought by hand is taken in a dialog.
const RecallRequests = lazy(() => import('../../exchange/components/RecallRequests'));
const ImportEdxmlDialog = lazy(() => import('../../exchange/components/ImportEdxmlDialog'));
const DRAFTING_ROLES = new Set(['clerk', 'leader', 'specialist', 'admin']);

/** The incoming or outgoing register: filtered list, export, print, and the clerk's inbox. */
export default function DocumentListPage({ direction }: { direction: Direction }) {
  const user = useCurrentUser();
  const isClerk = user.roles.some((r) => r.role === 'clerk');
  const canDraft = user.roles.some((r) => DRAFTING_ROLES.has(r.role));
  const { filters, page, tab, setFilters, setPage, setTab } = useFilterParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useDocumentList(direction, filters, page, DOCUMENT_PAGE_SIZE);
  useMarkUsable(direction, list.data !== undefined);
  // A book is one register: the PDF is made from the chosen one, or the user's own.
  const { registers, book } = useBookRegister(direction, filters.registerId);
  const showRegister = !filters.registerId && new Set(registers.map((r) => r.id)).size > 1;
  const showInbox = direction === 'incoming' && isClerk;
  const inbox = useDeliveries(showInbox);
  const recalls = useRecalls(showInbox);
  const inboxCount = (inbox.data?.items.length ?? 0) + (recalls.data?.items.length ?? 0);
  const printParams = new URLSearchParams(
    Object.entries(filterQuery(direction, filters)).flatMap(([k, v]) => (v ? [[k, String(v)]] : [])),
  );

  const listView = (
    <>
      <DocumentFilterBar direction={direction} filters={filters} onChange={setFilters} />
      {list.isError ? (
        <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : null}
      <DocumentTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        showRegister={showRegister}
        empty={
          <Empty
            description={
              <>
                {tdoc.list.empty}
                <br />
                <Typography.Text type="secondary">{tdoc.list.emptyHint}</Typography.Text>
              </>
            }
          />
        }
        paging={{
          page,
          pageSize: DOCUMENT_PAGE_SIZE,
          total: list.data?.total ?? 0,
          capped: list.data?.totalCapped === true,
          onChange: setPage,
        }}
      />
    </>
  );

  return (
    <>
      <PageTitle
        title={direction === 'incoming' ? tdoc.incomingTitle : tdoc.outgoingTitle}
        extra={
          <>
            {direction === 'incoming' && isClerk ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {tdoc.list.register}
              </Button>
            ) : null}
            {direction === 'incoming' && isClerk ? (
              <Button icon={<CloudDownloadOutlined />} onClick={() => setImporting(true)}>
                {tdoc.list.importEdxml}
              </Button>
            ) : null}
            {direction === 'outgoing' && canDraft ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {tdoc.list.draft}
              </Button>
            ) : null}
            <Button icon={<FileExcelOutlined />} href={exportXlsxUrl(direction, filters)} download>
              {tdoc.list.exportXlsx}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              href={book ? exportPdfUrl(direction, { ...filters, registerId: book.id }) : undefined}
              disabled={!book}
              target="_blank"
              rel="noopener"
            >
              {tdoc.list.exportPdf}
            </Button>
            <Link to={`/${direction}/print?${printParams.toString()}`}>
              <Button icon={<PrinterOutlined />}>{tdoc.list.print}</Button>
            </Link>
            {canManageRegisters(user.roles) ? (
              <Link to={`${REGISTERS_PATH}?direction=${direction}`}>
                <Button icon={<BookOutlined />}>{tdoc.registers.manage}</Button>
              </Link>
            ) : null}
          </>
        }
      />
      {showInbox ? (
        <Tabs
          activeKey={tab === 'inbox' ? 'inbox' : 'list'}
          onChange={(key) => setTab(key === 'inbox' ? 'inbox' : null)}
          items={[
            { key: 'list', label: tdoc.tabs.list, children: listView },
            {
              key: 'inbox',
              label: (
                <span>
                  {tdoc.tabs.inbox} <Badge count={inboxCount} size="small" />
                </span>
              ),
              children: (
                <Suspense fallback={<PageLoading />}>
                  <RecallRequests />
                  <DeliveryInbox />
                </Suspense>
              ),
            },
          ]}
        />
      ) : (
        listView
      )}
      {showInbox ? (
        <MountWhenOpened open={importing}>
          <ImportEdxmlDialog open={importing} onClose={() => setImporting(false)} />
        </MountWhenOpened>
      ) : null}
      <MountWhenOpened open={creating}>
        {direction === 'incoming' ? (
          <IncomingForm open={creating} onClose={() => setCreating(false)} />
        ) : (
          <OutgoingForm open={creating} onClose={() => setCreating(false)} />
        )}
      </MountWhenOpened>
    </>
  );
}
