import { DeleteOutlined, FolderAddOutlined, FolderOutlined, InboxOutlined, SendOutlined } from '@ant-design/icons';
import { App, Badge, Button, Flex, Input, Menu, Modal, Popconfirm, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { MAIL_LIMITS } from '../../../../common/mail';
import type { MailboxView } from '../../../../common/schemas/mail';
import { errorMessage } from '../../../app/api/client';
import { useCreateFolder, useDeleteFolder } from '../api/mailbox.api';
import { tmail } from '../mailbox.i18n';

const ICONS: Record<string, ReactNode> = {
  inbox: <InboxOutlined />,
  sent: <SendOutlined />,
  drafts: <FolderOutlined />,
  archive: <FolderOutlined />,
  trash: <DeleteOutlined />,
};
const SYSTEM = new Set(Object.keys(ICONS));

/** The mailbox picker (one's own and the organizations acted for) and its folders with unread counts. */
export default function FolderNav({
  boxes,
  box,
  folder,
  onPick,
  compact,
}: {
  boxes: MailboxView[];
  box: MailboxView;
  folder: string;
  onPick: (box: string, folder: string) => void;
  compact: boolean;
}) {
  const { message } = App.useApp();
  const [naming, setNaming] = useState<string | null>(null);
  const create = useCreateFolder();
  const remove = useDeleteFolder();
  const boxSelect =
    boxes.length > 1 ? (
      <Select
        aria-label={tmail.mailboxOf}
        value={box.id}
        onChange={(id) => onPick(id, 'inbox')}
        style={{ width: '100%' }}
        options={boxes.map((b) => {
          const unread = b.folders.find((f) => f.id === 'inbox')?.unread ?? 0;
          return { value: b.id, label: `${b.name}${unread ? ` (${unread})` : ''}` };
        })}
      />
    ) : null;

  const addFolder = async () => {
    if (!naming?.trim()) return;
    try {
      const made = await create.mutateAsync({ box: box.id, name: naming.trim() });
      message.success(tmail.folderCreated);
      setNaming(null);
      onPick(box.id, made.id);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const dialog = (
    <Modal
      open={naming !== null}
      title={tmail.newFolder}
      onCancel={() => setNaming(null)}
      onOk={() => void addFolder()}
      confirmLoading={create.isPending}
      okText="Tạo"
      cancelText="Hủy"
      destroyOnHidden
    >
      <Input
        aria-label={tmail.folderName}
        placeholder={tmail.folderName}
        maxLength={MAIL_LIMITS.folderName}
        value={naming ?? ''}
        onChange={(e) => setNaming(e.target.value)}
        onPressEnter={() => void addFolder()}
        autoFocus
      />
    </Modal>
  );

  if (compact) {
    return (
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {boxSelect}
        <Select
          aria-label={tmail.folders}
          value={folder}
          onChange={(f) => onPick(box.id, f)}
          options={box.folders.map((f) => ({ value: f.id, label: `${f.name}${f.unread ? ` (${f.unread})` : ''}` }))}
        />
        {dialog}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      {boxSelect}
      <Menu
        mode="inline"
        selectedKeys={[folder]}
        style={{ borderInlineEnd: 'none' }}
        onClick={({ key }) => onPick(box.id, key)}
        items={box.folders.map((f) => ({
          key: f.id,
          icon: ICONS[f.id] ?? <FolderOutlined />,
          label: (
            <Flex justify="space-between" align="center" gap={4}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{f.name}</span>
              <Flex align="center" gap={4}>
                {f.unread > 0 ? <Badge count={f.unread} overflowCount={999} color="#a8071a" /> : null}
                {!SYSTEM.has(f.id) && f.total === 0 ? (
                  <Popconfirm
                    title={tmail.deleteFolderConfirm}
                    okText={tmail.deleteFolder}
                    cancelText="Hủy"
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync({ box: box.id, folder: f.id });
                        onPick(box.id, 'inbox');
                      } catch (error) {
                        message.error(errorMessage(error));
                      }
                    }}
                  >
                    <Button
                      size="small"
                      type="text"
                      aria-label={`${tmail.deleteFolder} ${f.name}`}
                      icon={<DeleteOutlined />}
                      onClick={(e) => e.stopPropagation()}
                    />
                  </Popconfirm>
                ) : null}
              </Flex>
            </Flex>
          ),
        }))}
      />
      <Button type="dashed" icon={<FolderAddOutlined />} onClick={() => setNaming('')}>
        {tmail.newFolder}
      </Button>
      {dialog}
    </Flex>
  );
}
