import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  MEETING_BODIES,
  MEETING_BODY_LABELS,
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
} from '../../../../common/meetings';
import { LazyRangePicker } from '../../../app/components/LazyDatePicker';
import type { MeetingFilters, MeetingScope } from '../api/meetings.api';
import { tm } from '../meetings.i18n';

const SCOPES: MeetingScope[] = ['all', 'mine', 'organized'];

/** Search, scope, status, body and dates; on a phone all but the search fold away. */
export default function MeetingFilterBar({
  filters,
  onChange,
  showDates = true,
}: {
  filters: MeetingFilters;
  onChange: (next: MeetingFilters) => void;
  /** The calendar chooses its own month: no date range there. */
  showDates?: boolean;
}) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md !== true;
  const [expanded, setExpanded] = useState(false);
  const set = (patch: Partial<MeetingFilters>) => onChange({ ...filters, ...patch });
  const extraCount = (['scope', 'status', 'body', 'from'] as const).filter((key) => filters[key]).length;
  const wide = { flex: narrow ? '1 1 100%' : '0 1 200px', minWidth: 0 };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap>
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          placeholder={tm.filters.searchPlaceholder}
          aria-label={tm.filters.search}
          allowClear
          enterButton
          onSearch={(value) => set({ q: value.trim() || undefined })}
          style={{ flex: '1 1 260px', maxWidth: 520 }}
        />
        {narrow ? (
          <Button icon={<FilterOutlined />} onClick={() => setExpanded((v) => !v)}>
            {tm.filters.more}
            {extraCount > 0 ? ` (${extraCount})` : ''}
          </Button>
        ) : null}
      </Flex>
      {!narrow || expanded ? (
        <Flex gap={8} wrap align="center">
          <Select
            aria-label={tm.filters.scope}
            value={filters.scope ?? 'all'}
            onChange={(value: MeetingScope) => set({ scope: value === 'all' ? undefined : value })}
            options={SCOPES.map((s) => ({ value: s, label: tm.filters.scopes[s] }))}
            popupMatchSelectWidth={false}
            style={{ ...wide, flexBasis: narrow ? '100%' : 220 }}
          />
          <Select
            allowClear
            placeholder={tm.filters.status}
            aria-label={tm.filters.status}
            value={filters.status}
            onChange={(value?: MeetingFilters['status']) => set({ status: value })}
            options={MEETING_STATUSES.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] }))}
            popupMatchSelectWidth={false}
            style={{ ...wide, flexBasis: narrow ? '100%' : 170 }}
          />
          <Select
            allowClear
            placeholder={tm.filters.body}
            aria-label={tm.filters.body}
            value={filters.body}
            onChange={(value?: MeetingFilters['body']) => set({ body: value })}
            options={MEETING_BODIES.map((b) => ({ value: b, label: MEETING_BODY_LABELS[b] }))}
            popupMatchSelectWidth={false}
            style={{ ...wide, flexBasis: narrow ? '100%' : 170 }}
          />
          {showDates ? (
            <LazyRangePicker
              format="DD/MM/YYYY"
              aria-label={tm.filters.dateRange}
              value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(range) =>
                set({
                  from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
                  to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
                })
              }
              style={{ flex: narrow ? '1 1 100%' : '0 1 260px' }}
            />
          ) : null}
          {extraCount > 0 || filters.q ? (
            <Button type="link" onClick={() => onChange({})}>
              {tm.filters.clear}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
