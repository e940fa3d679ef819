import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Input, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PARTY_DOCUMENT_TYPES } from '../../../../common/docnumber/format';
import {
  INCOMING_STATUSES,
  OUTGOING_STATUSES,
  SECRECY_LABELS,
  SECRECY_LEVELS,
  statusLabel,
  URGENCY_LABELS,
  URGENCY_LEVELS,
} from '../../../../common/documents';
import { LazyRangePicker } from '../../../app/components/LazyDatePicker';
import { type Direction, type DocumentFilters, useRegisters } from '../api/documents.api';
import { tdoc } from '../documents.i18n';

export const TYPE_OPTIONS = Object.entries(PARTY_DOCUMENT_TYPES).map(([code, name]) => ({
  value: code,
  label: `${name} (${code})`,
}));

const SORTS = ['newest', 'oldest', 'number', 'register', 'due'] as const;

/** Search, register, dates, type, marks, status and sort; on a phone the rarer ones fold away. */
export default function DocumentFilterBar({
  direction,
  filters,
  onChange,
}: {
  direction: Direction;
  filters: DocumentFilters;
  onChange: (next: DocumentFilters) => void;
}) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md !== true;
  const [expanded, setExpanded] = useState(false);
  const registers = useRegisters();
  const set = (patch: Partial<DocumentFilters>) => onChange({ ...filters, ...patch });
  const statuses = direction === 'incoming' ? INCOMING_STATUSES : OUTGOING_STATUSES;
  const extraCount = ['registerId', 'from', 'typeCode', 'urgency', 'secrecy', 'status', 'overdue'].filter(
    (key) => filters[key as keyof DocumentFilters],
  ).length;
  const wide = { flex: narrow ? '1 1 100%' : '0 1 200px', minWidth: 0 };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap>
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          placeholder={tdoc.filters.searchPlaceholder}
          aria-label={tdoc.filters.search}
          allowClear
          enterButton
          onSearch={(value) => set({ q: value.trim() || undefined })}
          style={{ flex: '1 1 280px', maxWidth: 560 }}
        />
        {narrow ? (
          <Button icon={<FilterOutlined />} onClick={() => setExpanded((v) => !v)}>
            {tdoc.filters.more}
            {extraCount > 0 ? ` (${extraCount})` : ''}
          </Button>
        ) : null}
      </Flex>
      {!narrow || expanded ? (
        <Flex gap={8} wrap align="center">
          <Select
            allowClear
            placeholder={tdoc.filters.register}
            aria-label={tdoc.filters.register}
            value={filters.registerId}
            onChange={(value?: string) => set({ registerId: value })}
            options={(registers.data?.items ?? [])
              .filter((r) => r.direction === direction)
              .map((r) => ({ value: r.id, label: `${r.name} — ${r.organizationName}` }))}
            popupMatchSelectWidth={false}
            style={wide}
          />
          <LazyRangePicker
            format="DD/MM/YYYY"
            aria-label={tdoc.filters.dateRange}
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(range) =>
              set({
                from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
                to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
            style={{ flex: narrow ? '1 1 100%' : '0 1 260px' }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={tdoc.filters.type}
            aria-label={tdoc.filters.type}
            value={filters.typeCode}
            onChange={(value?: string) => set({ typeCode: value })}
            options={TYPE_OPTIONS}
            popupMatchSelectWidth={false}
            style={wide}
          />
          <Select
            allowClear
            placeholder={tdoc.filters.urgency}
            aria-label={tdoc.filters.urgency}
            value={filters.urgency}
            onChange={(value?: string) => set({ urgency: value })}
            options={URGENCY_LEVELS.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
            style={{ ...wide, flexBasis: narrow ? '100%' : 130 }}
          />
          <Select
            allowClear
            placeholder={tdoc.filters.secrecy}
            aria-label={tdoc.filters.secrecy}
            value={filters.secrecy}
            onChange={(value?: string) => set({ secrecy: value })}
            options={SECRECY_LEVELS.map((s) => ({ value: s, label: SECRECY_LABELS[s] }))}
            style={{ ...wide, flexBasis: narrow ? '100%' : 130 }}
          />
          <Select
            allowClear
            placeholder={tdoc.filters.status}
            aria-label={tdoc.filters.status}
            value={filters.status}
            onChange={(value?: string) => set({ status: value })}
            options={statuses.map((s) => ({ value: s, label: statusLabel(s, direction) }))}
            popupMatchSelectWidth={false}
            style={wide}
          />
          <Select
            aria-label={tdoc.filters.sort}
            value={filters.sort ?? 'newest'}
            onChange={(value: DocumentFilters['sort']) => set({ sort: value === 'newest' ? undefined : value })}
            options={SORTS.map((s) => ({ value: s, label: `${tdoc.filters.sort}: ${tdoc.filters.sorts[s]}` }))}
            popupMatchSelectWidth={false}
            style={{ ...wide, flexBasis: narrow ? '100%' : 170 }}
          />
          <Flex gap={6} align="center">
            <Switch
              size="small"
              id={`vp-overdue-${direction}`}
              checked={filters.overdue === 'true'}
              onChange={(on) => set({ overdue: on ? 'true' : undefined })}
            />
            <label htmlFor={`vp-overdue-${direction}`}>{tdoc.filters.overdue}</label>
          </Flex>
          {extraCount > 0 || filters.q ? (
            <Button type="link" onClick={() => onChange({})}>
              {tdoc.filters.clear}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
