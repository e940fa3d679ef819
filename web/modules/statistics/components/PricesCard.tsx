import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { SavingsSettings } from '../../../../common/schemas/savings';
import { ApiError, errorMessage } from '../../../app/api/client';
import { formatDateTimeShort } from '../../../app/format';
import { t } from '../../../app/i18n';
import { savingsKeys, useSaveSavingsSettings } from '../api/savings.api';
import { tstat } from '../statistics.i18n';
import { formatVnd, vndInput } from './money';

const tp = tstat.prices;

interface Values {
  costPerPage: number;
  costPerCopy: number;
}

/** The prices the figures are counted at; an administrator may change them here. */
export default function PricesCard({ settings, canEdit }: { settings: SavingsSettings; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      title={tp.title}
      extra={
        canEdit && !editing ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {tp.edit}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <PricesForm settings={settings} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'page', label: tp.costPerPage, children: formatVnd(settings.costPerPage) },
              { key: 'copy', label: tp.costPerCopy, children: formatVnd(settings.costPerCopy) },
            ]}
          />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {settings.updatedAt ? tp.updatedAt(formatDateTimeShort(settings.updatedAt)) : tp.defaults}
          </Typography.Text>
          {canEdit ? null : (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {tp.adminOnly}
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}

function PricesForm({ settings, onDone }: { settings: SavingsSettings; onDone: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveSavingsSettings();

  const submit = async (values: Values) => {
    setError(null);
    try {
      await save.mutateAsync({ ...values, version: settings.version });
      message.success(tp.saved);
      onDone();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'common.stale_version') {
        message.warning(tp.stale);
        await client.invalidateQueries({ queryKey: savingsKeys.root });
        onDone();
      } else {
        setError(errorMessage(failure));
      }
    }
  };

  const money = (name: keyof Values, label: string, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: tp.required }]}>
      <InputNumber<number>
        min={0}
        max={max}
        step={100}
        suffix="đ"
        formatter={vndInput.formatter}
        parser={vndInput.parser}
        inputMode="numeric"
        style={{ width: '100%', maxWidth: 240 }}
      />
    </Form.Item>
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ costPerPage: settings.costPerPage, costPerCopy: settings.costPerCopy }}
      onFinish={submit}
    >
      {money('costPerPage', tp.costPerPage, 1_000_000)}
      {money('costPerCopy', tp.costPerCopy, 10_000_000)}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {tp.recomputeHint}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={8} justify="end">
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {tp.save}
        </Button>
      </Flex>
    </Form>
  );
}
