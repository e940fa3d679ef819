import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Grid, Input, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AUDIT_ENTITY_LABELS, auditActionLabel } from '../../../../common/audit-labels';
import { LazyDatePicker, LazyRangePicker } from '../../../app/components/LazyDatePicker';
import { t } from '../../../app/i18n';
import { useAuditActions } from '../api/audit.api';

/** Filters as they live in the address bar; dates are Vietnamese calendar days (yyyy-mm-dd). */
export interface AuditFilterParams {
  q: string;
  action: string;
  entityType: string;
  fromDate: string;
  toDate: string;
  actorId: string;
  actorName: string;
}

interface FormValues {
  q?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const DAY = 'YYYY-MM-DD';

export default function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: AuditFilterParams;
  onChange: (next: Partial<AuditFilterParams>) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const actions = useAuditActions();
  // A range picker shows two months side by side, wider than a phone: phones get two pickers.
  const narrow = Grid.useBreakpoint().sm !== true;
  const initialRange: FormValues['range'] =
    filters.fromDate || filters.toDate
      ? [filters.fromDate ? dayjs(filters.fromDate) : null, filters.toDate ? dayjs(filters.toDate) : null]
      : null;

  const apply = (values: FormValues) => {
    const [from = null, to = null] = values.range ?? [];
    onChange({
      q: values.q?.trim() ?? '',
      action: values.action?.trim() ?? '',
      entityType: values.entityType ?? '',
      fromDate: from ? from.format(DAY) : '',
      toDate: to ? to.format(DAY) : '',
    });
  };

  const clear = () => {
    form.setFieldsValue({ q: '', action: undefined, entityType: undefined, range: null });
    onChange({ q: '', action: '', entityType: '', fromDate: '', toDate: '', actorId: '', actorName: '' });
  };

  return (
    <Form
      form={form}
      onFinish={apply}
      initialValues={{
        q: filters.q,
        action: filters.action || undefined,
        entityType: filters.entityType || undefined,
        range: initialRange,
      }}
      style={{ marginBottom: 16 }}
    >
      <Flex wrap gap={8} align="flex-start">
        <Form.Item name="q" noStyle>
          <Input allowClear placeholder={t.admin.audit.searchPlaceholder} style={{ flex: '2 1 160px' }} />
        </Form.Item>
        <Form.Item name="action" noStyle>
          <Select
            allowClear
            showSearch
            placeholder={t.admin.audit.action}
            options={(actions.data ?? [])
              .map((action) => ({ value: action, label: auditActionLabel(action) }))
              .sort((a, b) => a.label.localeCompare(b.label, 'vi'))}
            optionFilterProp="label"
            loading={actions.isPending}
            popupMatchSelectWidth={false}
            style={{ flex: '1 1 150px' }}
          />
        </Form.Item>
        <Form.Item name="entityType" noStyle>
          <Select
            allowClear
            placeholder={t.admin.audit.entityTypePlaceholder}
            options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            popupMatchSelectWidth={false}
            style={{ flex: '1 1 130px' }}
          />
        </Form.Item>
        {narrow ? (
          <>
            <Form.Item name={['range', 0]} noStyle>
              <LazyDatePicker format="DD/MM/YYYY" placeholder={t.admin.audit.dateFrom} style={{ flex: '1 1 120px' }} />
            </Form.Item>
            <Form.Item name={['range', 1]} noStyle>
              <LazyDatePicker format="DD/MM/YYYY" placeholder={t.admin.audit.dateTo} style={{ flex: '1 1 120px' }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="range" noStyle>
            <LazyRangePicker
              format="DD/MM/YYYY"
              placeholder={[t.admin.audit.dateFrom, t.admin.audit.dateTo]}
              aria-label={t.admin.audit.dateRange}
              style={{ flex: '1 1 230px' }}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t.common.search}
        </Button>
        <Button onClick={clear}>{t.admin.audit.clearFilters}</Button>
      </Flex>
      {filters.actorId ? (
        <Tag closable onClose={() => onChange({ actorId: '', actorName: '' })} style={{ marginTop: 8 }}>
          {t.admin.audit.actorFilter(filters.actorName || filters.actorId)}
        </Tag>
      ) : null}
    </Form>
  );
}
