import { Flex, Grid, List, Radio, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { ATTENDANCE, ATTENDANCE_LABELS, ATTENDEE_ROLE_LABELS, type Attendance } from '../../../../common/meetings';
import type { Invitee } from '../../../../common/schemas/meetings';
import { formatDateTimeShort } from '../../../app/format';
import { t } from '../../../app/i18n';
import { tm } from '../meetings.i18n';
import { AttendanceTag, ReplyTag } from './MeetingTags';

const PAGE_SIZE = 50;

function Who({ i }: { i: Invitee }) {
  return (
    <Flex vertical>
      <span>
        {i.name}
        {i.role !== 'delegate' ? <Tag style={{ marginLeft: 6 }}>{ATTENDEE_ROLE_LABELS[i.role]}</Tag> : null}
      </span>
      {i.position ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.position}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function Answer({ i }: { i: Invitee }) {
  return (
    <Flex vertical gap={2}>
      <span>
        <ReplyTag reply={i.reply} />
      </span>
      {i.deputyName ? (
        <Typography.Text style={{ fontSize: 13 }}>{tm.invitees.deputy(i.deputyName)}</Typography.Text>
      ) : null}
      {i.reason ? (
        <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
          {i.reason}
        </Typography.Text>
      ) : null}
      {i.repliedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTimeShort(i.repliedAt)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Attendance as it stands, or, while taking it, three choices per person. */
function Presence({
  i,
  marking,
  value,
  onMark,
}: {
  i: Invitee;
  marking: boolean;
  value: Attendance;
  onMark: (id: string, attendance: Attendance) => void;
}) {
  if (marking) {
    return (
      <Radio.Group
        size="small"
        optionType="button"
        buttonStyle="solid"
        value={value}
        onChange={(e) => onMark(i.id, e.target.value as Attendance)}
        options={ATTENDANCE.map((a) => ({ value: a, label: ATTENDANCE_LABELS[a] }))}
        aria-label={`${tm.invitees.attendance}: ${i.name}`}
      />
    );
  }
  return (
    <Flex vertical gap={2}>
      <span>
        <AttendanceTag attendance={i.attendance} />
      </span>
      {i.checkedInAt && i.attendance !== 'unknown' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tm.invitees.checkedIn(formatDateTimeShort(i.checkedInAt))}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The invitees with their answers, attendance and reading; a table on a wide screen, cards on a phone. */
export default function InviteesTable({
  invitees,
  fileCount,
  marking,
  marks,
  onMark,
  namesOnly = false,
}: {
  invitees: Invitee[];
  /** Before the invitation is sent there are no answers yet: only who is invited. */
  namesOnly?: boolean;
  /** The meeting's current documents, for "3/5" read. */
  fileCount: number;
  marking: boolean;
  marks: Record<string, Attendance>;
  onMark: (id: string, attendance: Attendance) => void;
}) {
  const screens = Grid.useBreakpoint();
  const presence = (i: Invitee) => (
    <Presence i={i} marking={marking} value={marks[i.id] ?? i.attendance} onMark={onMark} />
  );
  const read = (i: Invitee) => (fileCount > 0 ? `${i.filesOpened}/${fileCount}` : t.common.none);
  const reminded = (i: Invitee) => (i.remindedAt ? formatDateTimeShort(i.remindedAt) : t.common.none);
  const pagination =
    invitees.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: 'small' as const, showSizeChanger: false } : false;

  if (namesOnly) {
    return (
      <List<Invitee>
        size="small"
        dataSource={invitees}
        locale={{ emptyText: tm.invitees.empty }}
        pagination={pagination === false ? false : { ...pagination, align: 'center' }}
        grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }}
        renderItem={(i) => (
          <List.Item key={i.id} style={{ marginBottom: 8 }}>
            <Who i={i} />
          </List.Item>
        )}
      />
    );
  }

  if (screens.md !== true) {
    return (
      <List<Invitee>
        size="small"
        dataSource={invitees}
        locale={{ emptyText: tm.invitees.empty }}
        pagination={pagination === false ? false : { ...pagination, align: 'center' }}
        renderItem={(i) => (
          <List.Item key={i.id} style={{ paddingInline: 0 }}>
            <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" gap={8}>
                <Who i={i} />
                <Answer i={i} />
              </Flex>
              <Flex justify="space-between" gap={8} wrap align="center">
                {presence(i)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {tm.invitees.filesOpened}: {read(i)}
                  {i.remindedAt ? ` · ${tm.invitees.reminded} ${reminded(i)}` : ''}
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<Invitee> = [
    { key: 'name', title: tm.invitees.name, render: (_, i) => <Who i={i} /> },
    { key: 'reply', title: tm.invitees.reply, width: 220, render: (_, i) => <Answer i={i} /> },
    { key: 'attendance', title: tm.invitees.attendance, width: marking ? 280 : 160, render: (_, i) => presence(i) },
    { key: 'files', title: tm.invitees.filesOpened, width: 110, render: (_, i) => read(i) },
    { key: 'reminded', title: tm.invitees.reminded, width: 130, render: (_, i) => reminded(i) },
  ];
  return (
    <Table<Invitee>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={invitees}
      locale={{ emptyText: tm.invitees.empty }}
      pagination={pagination}
    />
  );
}
