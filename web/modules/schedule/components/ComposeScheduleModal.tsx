import { Alert, App, Form, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ScheduleOwner } from '../../../../common/meetings';
import { foldVietnamese } from '../../../../common/text/fold';
import { isoWeekNumber } from '../../../../common/time/calendar';
import { errorMessage } from '../../../app/api/client';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { existingScheduleId, personLabel, useCreateSchedule, useSchedulePeople } from '../api/schedule.api';
import { tsch } from '../schedule.i18n';
import { weekRange } from '../week';

const tc = tsch.composeForm;
/** The Office composes the week: clerks, and administrators standing in for them (the server decides). */
const COMPOSER_ROLES = new Set(['clerk', 'admin']);

interface Values {
  organizationId: string;
  owner: ScheduleOwner;
  ownerUserId?: string;
}

/** Starts a week's schedule for the Standing Committee or one leader, then opens it for composing. */
export default function ComposeScheduleModal({
  open,
  week,
  onClose,
}: {
  open: boolean;
  week: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateSchedule();
  const organizations = [
    ...new Map(
      user.roles.filter((r) => COMPOSER_ROLES.has(r.role)).map((r) => [r.organizationId, r.organizationName]),
    ).entries(),
  ];
  const only = organizations.length === 1 ? (organizations[0]?.[0] ?? null) : null;
  const organizationId: string | null = Form.useWatch('organizationId', form) ?? only;
  const owner = Form.useWatch('owner', form);
  const people = useSchedulePeople(open && owner === 'leader' ? organizationId : null);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const { id } = await create.mutateAsync({
        organizationId: v.organizationId ?? only ?? '',
        owner: v.owner,
        ownerUserId: v.owner === 'leader' ? v.ownerUserId : null,
        weekStart: week,
      });
      message.success(tc.created);
      onClose();
      navigate(`/schedule/${encodeURIComponent(id)}`);
    } catch (failure) {
      const existing = existingScheduleId(failure);
      if (existing) {
        message.info(tc.exists);
        onClose();
        navigate(`/schedule/${encodeURIComponent(existing)}`);
      } else {
        setError(errorMessage(failure));
      }
    }
  };

  return (
    <Modal
      open={open}
      title={tc.title}
      okText={tc.create}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          organizationId: only ?? undefined,
          owner: 'standing_committee',
        }}
      >
        <Form.Item label={tc.week}>
          <Typography.Text strong>{tsch.week.label(isoWeekNumber(week), weekRange(week))}</Typography.Text>
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={tc.organization}
          rules={[{ required: true, message: tc.organizationRequired }]}
          hidden={organizations.length === 1}
        >
          <Select options={organizations.map(([id, name]) => ({ value: id, label: name }))} />
        </Form.Item>
        <Form.Item name="owner" label={tc.owner}>
          <Radio.Group
            options={[
              { value: 'standing_committee', label: tc.ownerStanding },
              { value: 'leader', label: tc.ownerLeader },
            ]}
          />
        </Form.Item>
        {owner === 'leader' ? (
          <Form.Item name="ownerUserId" label={tc.leader} rules={[{ required: true, message: tc.leaderRequired }]}>
            <Select
              loading={people.isLoading}
              disabled={!organizationId}
              placeholder={tc.leaderPlaceholder}
              showSearch={{
                filterOption: (input, option) =>
                  foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input)),
              }}
              options={(people.data?.leaders ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))}
            />
          </Form.Item>
        ) : null}
      </Form>
      {people.isError ? <Alert type="error" showIcon title={errorMessage(people.error)} /> : null}
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
