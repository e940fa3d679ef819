import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { lazy, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import MountWhenOpened from '../../../app/components/MountWhenOpened';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { useCases } from '../api/inspection.api';
import CaseFilters, { type CaseFilterValues } from '../components/CaseFilters';
import CaseList from '../components/CaseList';
import { ti } from '../inspection.i18n';

const CreateCaseModal = lazy(() => import('../components/CreateCaseModal'));

const PAGE_SIZE = 20;

/** The commission's cases, filtered and searched (with or without diacritics), a page at a time. */
export default function CasesPage() {
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters: CaseFilterValues = {
    q: params.get('q') ?? '',
    kind: params.get('kind') ?? undefined,
    stage: params.get('stage') ?? undefined,
    status: params.get('status') ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    overdue: params.get('overdue') === 'true',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = useDebouncedValue(filters.q);
  const cases = useCases({
    q,
    kind: filters.kind,
    stage: filters.stage,
    status: filters.status,
    year: filters.year,
    overdue: filters.overdue ? 'true' : undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const change = (next: Partial<CaseFilterValues> & { page?: number }) => {
    const merged = { ...filters, page: 1, ...next };
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(merged)) {
      if (v === undefined || v === '' || v === false || (k === 'page' && v === 1)) continue;
      out[k] = String(v);
    }
    setParams(out, { replace: true });
  };

  return (
    <>
      <PageTitle
        title={ti.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {ti.list.create}
          </Button>
        }
      />
      <Alert type="warning" showIcon icon={<LockOutlined />} title={ti.confidential} style={{ marginBottom: 12 }} />
      <CaseFilters value={filters} onChange={change} />
      {cases.isError ? (
        <QueryErrorAlert error={cases.error} onRetry={() => cases.refetch()} retrying={cases.isFetching} />
      ) : null}
      <CaseList
        items={cases.data?.items ?? []}
        loading={cases.isLoading}
        paging={{ page, pageSize: PAGE_SIZE, total: cases.data?.total ?? 0, onChange: (p) => change({ page: p }) }}
      />
      <MountWhenOpened open={creating}>
        {creating ? <CreateCaseModal onClose={() => setCreating(false)} /> : null}
      </MountWhenOpened>
    </>
  );
}
