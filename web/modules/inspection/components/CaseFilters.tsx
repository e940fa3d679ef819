import { Button, Checkbox, Flex, Input, Select } from 'antd';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  STAGE_LABELS,
  STAGES,
} from '../../../../common/inspection';
import { ti } from '../inspection.i18n';

export interface CaseFilterValues {
  q: string;
  kind?: string;
  stage?: string;
  status?: string;
  year?: number;
  overdue: boolean;
}

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);

/** Search, kind, stage, status, year and "overdue only"; wraps onto several lines on a phone. */
export default function CaseFilters({
  value,
  onChange,
}: {
  value: CaseFilterValues;
  onChange: (next: Partial<CaseFilterValues>) => void;
}) {
  const f = ti.filters;
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        aria-label={f.search}
        placeholder={f.searchPlaceholder}
        defaultValue={value.q}
        onChange={(e) => onChange({ q: e.target.value })}
        style={{ flex: '1 1 280px', maxWidth: 480 }}
      />
      <Select
        allowClear
        aria-label={f.kind}
        placeholder={f.kind}
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))}
        style={{ flex: '1 1 220px', maxWidth: 320 }}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        aria-label={f.stage}
        placeholder={f.stage}
        value={value.stage}
        onChange={(stage) => onChange({ stage })}
        options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
        style={{ flex: '0 1 200px' }}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        aria-label={f.status}
        placeholder={f.status}
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
        style={{ flex: '0 1 160px' }}
      />
      <Select
        allowClear
        aria-label={f.year}
        placeholder={f.year}
        value={value.year}
        onChange={(year) => onChange({ year })}
        options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        style={{ flex: '0 1 100px' }}
      />
      <Checkbox
        checked={value.overdue}
        onChange={(e) => onChange({ overdue: e.target.checked })}
        style={{ alignSelf: 'center' }}
      >
        {f.overdue}
      </Checkbox>
      <Button
        type="link"
        onClick={() =>
          onChange({ q: '', kind: undefined, stage: undefined, status: undefined, year: undefined, overdue: false })
        }
      >
        {f.clear}
      </Button>
    </Flex>
  );
}
