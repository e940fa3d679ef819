import { MailOutlined, MessageOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Row,
  Skeleton,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { NotificationSettings } from '../../../../common/schemas/notifications';
import { ApiError, errorMessage } from '../../../app/api/client';
import PageTitle from '../../../app/components/PageTitle';
import QueryErrorAlert from '../../../app/components/QueryErrorAlert';
import { formatDateTimeShort } from '../../../app/format';
import TimeField from '../../schedule/components/TimeField';
import {
  type Delivery,
  type DeliveryChannel,
  settingsKeys,
  useDeliveries,
  useNotificationSettings,
  useSaveNotificationSettings,
} from '../api/settings.api';
import { kindLabel, SETTINGS_KINDS, tset } from '../settings.i18n';

const channelName = (channel: DeliveryChannel) => (channel === 'email' ? tset.email : 'SMS');
const pair = (kind: string, channel: DeliveryChannel) => `${kind}:${channel}`;
const groupOf = (kind: string) => kind.split('_')[0] ?? kind;

/** Two settings are the same when every field and the set of muted pairs agree. */
function same(a: NotificationSettings, b: NotificationSettings): boolean {
  const muted = (s: NotificationSettings) => [...s.muted].sort().join(',');
  return (
    a.email === b.email &&
    a.sms === b.sms &&
    a.quietFrom === b.quietFrom &&
    a.quietTo === b.quietTo &&
    muted(a) === muted(b)
  );
}

function ChannelSwitch({
  icon,
  label,
  hint,
  checked,
  onChange,
}: {
  icon: ReactNode;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Flex gap={12} align="flex-start">
      <Switch checked={checked} onChange={onChange} aria-label={label} style={{ marginTop: 2, flex: 'none' }} />
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Typography.Text strong>
          {icon} {label}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {hint}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

interface KindRow {
  kind: string;
  group: string;
  first: boolean;
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState<NotificationSettings>(settings);
  const [error, setError] = useState<string | null>(null);
  const { token } = theme.useToken();

  // A fresh copy from the server (after a save or a reload) replaces the draft.
  useEffect(() => setDraft(settings), [settings]);

  const dirty = !same(draft, settings);
  const muted = useMemo(() => new Set(draft.muted), [draft.muted]);
  const wanted = (kind: string, channel: DeliveryChannel) => !muted.has(pair(kind, channel));
  const setWanted = (kinds: readonly string[], channel: DeliveryChannel, on: boolean) => {
    const next = new Set(draft.muted);
    for (const kind of kinds) {
      if (on) next.delete(pair(kind, channel));
      else next.add(pair(kind, channel));
    }
    setDraft({ ...draft, muted: [...next] });
  };

  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync(draft);
      message.success(tset.saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'common.stale_version') {
        message.warning(tset.stale);
        await client.invalidateQueries({ queryKey: settingsKeys.settings });
      } else {
        setError(errorMessage(failure));
      }
    }
  };

  const rows: KindRow[] = SETTINGS_KINDS.map((kind, index) => ({
    kind,
    group: groupOf(kind),
    first: index === 0 || groupOf(SETTINGS_KINDS[index - 1] ?? '') !== groupOf(kind),
  }));

  const channelColumn = (channel: DeliveryChannel) => {
    const on = draft[channel];
    const count = SETTINGS_KINDS.filter((kind) => wanted(kind, channel)).length;
    return {
      key: channel,
      align: 'center' as const,
      width: 96,
      title: (
        <Flex vertical align="center" gap={2}>
          <span>{channelName(channel)}</span>
          <Checkbox
            disabled={!on}
            checked={count === SETTINGS_KINDS.length}
            indeterminate={count > 0 && count < SETTINGS_KINDS.length}
            onChange={(event) => setWanted(SETTINGS_KINDS, channel, event.target.checked)}
            aria-label={tset.allOf(channelName(channel))}
          />
        </Flex>
      ),
      render: (_: unknown, row: KindRow) => (
        <Tooltip title={on ? undefined : tset.channelOff}>
          <Checkbox
            disabled={!on}
            checked={wanted(row.kind, channel)}
            onChange={(event) => setWanted([row.kind], channel, event.target.checked)}
            aria-label={`${kindLabel(row.kind)} — ${channelName(channel)}`}
          />
        </Tooltip>
      ),
    };
  };

  const columns: ColumnsType<KindRow> = [
    {
      key: 'kind',
      title: tset.kind,
      render: (_, row) => (
        <Flex vertical gap={0}>
          {row.first ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, textTransform: 'uppercase' }}>
              {tset.groups[row.group] ?? row.group}
            </Typography.Text>
          ) : null}
          <span>{kindLabel(row.kind)}</span>
        </Flex>
      ),
    },
    channelColumn('email'),
    channelColumn('sms'),
  ];

  const overnight = draft.quietFrom > draft.quietTo;
  const noQuiet = draft.quietFrom === draft.quietTo;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Flex vertical gap={16}>
          <Card title={tset.channelsTitle}>
            <Flex vertical gap={16}>
              <Typography.Text>{tset.channelsIntro}</Typography.Text>
              <ChannelSwitch
                icon={<MailOutlined />}
                label={tset.email}
                hint={tset.emailHint}
                checked={draft.email}
                onChange={(email) => setDraft({ ...draft, email })}
              />
              <ChannelSwitch
                icon={<MessageOutlined />}
                label={tset.sms}
                hint={tset.smsHint}
                checked={draft.sms}
                onChange={(sms) => setDraft({ ...draft, sms })}
              />
              <Alert type="info" showIcon title={tset.secretHint} />
            </Flex>
          </Card>
          <Card title={tset.quietTitle}>
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">{tset.quietHint}</Typography.Text>
              <Flex gap={12} wrap align="center">
                <Flex gap={8} align="center">
                  <label htmlFor="quiet-from">{tset.quietFrom}</label>
                  <div style={{ width: 110 }}>
                    <TimeField
                      id="quiet-from"
                      value={draft.quietFrom}
                      onChange={(value) => value && setDraft({ ...draft, quietFrom: value })}
                    />
                  </div>
                </Flex>
                <Flex gap={8} align="center">
                  <label htmlFor="quiet-to">{tset.quietTo}</label>
                  <div style={{ width: 110 }}>
                    <TimeField
                      id="quiet-to"
                      value={draft.quietTo}
                      onChange={(value) => value && setDraft({ ...draft, quietTo: value })}
                    />
                  </div>
                </Flex>
              </Flex>
              {noQuiet || overnight ? (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {noQuiet ? tset.quietNone : tset.quietOvernight}
                </Typography.Text>
              ) : null}
              {draft.sms ? null : (
                <Typography.Text type="warning" style={{ fontSize: 13 }}>
                  {`${tset.sms}: ${tset.channelOff.toLowerCase()}.`}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        </Flex>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={tset.matrixTitle} styles={{ body: { padding: 0 } }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '10px 16px', fontSize: 13 }}>
            {tset.matrixHint}
          </Typography.Paragraph>
          <Table<KindRow> rowKey="kind" size="small" pagination={false} columns={columns} dataSource={rows} />
        </Card>
      </Col>
      {/* The save bar stays in reach while the long list scrolls on a phone. */}
      <Col
        xs={24}
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 2,
          paddingBlock: 12,
          background: token.colorBgLayout,
          borderTop: dirty ? '1px solid #e8e8e8' : undefined,
        }}
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Flex gap={8} wrap align="center">
          <Button type="primary" onClick={submit} loading={save.isPending} disabled={!dirty}>
            {tset.save}
          </Button>
          <Button onClick={() => setDraft(settings)} disabled={!dirty || save.isPending}>
            {tset.reset}
          </Button>
          {dirty ? <Typography.Text type="secondary">{tset.unsaved}</Typography.Text> : null}
        </Flex>
      </Col>
    </Row>
  );
}

const STATUS_COLOR: Record<string, string> = {
  queued: 'default',
  sent: 'processing',
  delivered: 'success',
  failed: 'error',
  skipped: 'warning',
};

function DeliveryRow({ item }: { item: Delivery }) {
  const status = (
    <Tag color={STATUS_COLOR[item.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {tset.status[item.status] ?? item.status}
    </Tag>
  );
  return (
    <Flex gap={12} style={{ padding: '10px 16px', borderBottom: '1px solid #f0f0f0' }}>
      <Tooltip title={item.channel === 'sms' ? tset.sms : tset.email}>
        <span style={{ color: '#8c8c8c', fontSize: 18, paddingTop: 2 }}>
          {item.channel === 'sms' ? <MessageOutlined /> : <MailOutlined />}
        </span>
      </Tooltip>
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text style={{ lineHeight: 1.35 }}>{item.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13, wordBreak: 'break-all' }}>
          {item.address ?? tset.noAddress}
          {item.channel === 'sms' && item.segments ? ` · ${tset.segments(item.segments)}` : ''}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTimeShort(item.updatedAt)}
        </Typography.Text>
      </Flex>
      <div style={{ flex: 'none' }}>{item.error ? <Tooltip title={item.error}>{status}</Tooltip> : status}</div>
    </Flex>
  );
}

function Deliveries() {
  const deliveries = useDeliveries();
  let body: ReactNode;
  if (deliveries.isPending) body = <Skeleton active style={{ padding: 16 }} />;
  else if (deliveries.isError)
    body = (
      <div style={{ padding: 16 }}>
        <QueryErrorAlert error={deliveries.error} onRetry={() => deliveries.refetch()} />
      </div>
    );
  else if (deliveries.data.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tset.deliveriesEmpty} style={{ padding: 16 }} />;
  else body = deliveries.data.map((item) => <DeliveryRow key={item.id} item={item} />);

  return (
    <Card
      title={tset.deliveriesTitle}
      styles={{ body: { padding: 0 } }}
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={deliveries.isFetching}
          onClick={() => deliveries.refetch()}
          aria-label={tset.refresh}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '10px 16px 0', fontSize: 13 }}>
        {tset.deliveriesHint}
      </Typography.Paragraph>
      {body}
    </Card>
  );
}

/** How a person hears of things: e-mail and SMS, SMS quiet hours, which events by which channel. */
export default function NotificationSettingsPage() {
  const settings = useNotificationSettings();
  return (
    <>
      <PageTitle title={tset.title} />
      {settings.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : settings.isError ? (
        <QueryErrorAlert error={settings.error} onRetry={() => settings.refetch()} retrying={settings.isFetching} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
      <div style={{ marginTop: 16 }}>
        <Deliveries />
      </div>
    </>
  );
}
