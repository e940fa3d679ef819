import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { PEER_LIMITS, PEER_NODE_PATTERN } from '../../../../common/exchange';
import type { PeerPatch, PeerWrite } from '../../../../common/schemas/exchange';
import { ApiError, errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { type PeerView, useSavePeer } from '../api/exchange.api';
import { tx } from '../exchange.i18n';

const f = tx.peers.field;

interface Values {
  node: string;
  name: string;
  url: string;
  secret?: string;
  secretApproved: boolean;
  active: boolean;
}

/** The field a refusal is about, so the server's sentence shows under it. */
const ERROR_FIELDS: Record<string, keyof Values> = {
  'exchange.peer_node_taken': 'node',
  'exchange.peer_url_invalid': 'url',
  'exchange.peer_secret_weak': 'secret',
};

const rules = {
  node: [
    { required: true, whitespace: true, message: f.nodeRequired },
    { pattern: PEER_NODE_PATTERN, max: PEER_LIMITS.node, message: f.nodeRule },
  ],
  name: [{ required: true, whitespace: true, message: f.nameRequired }],
  url: [
    { required: true, whitespace: true, message: f.urlRequired },
    { pattern: /^https?:\/\/\S+$/i, message: f.urlRule },
  ],
  secret: (required: boolean) => [
    ...(required ? [{ required: true, message: f.secretRequired }] : []),
    { min: PEER_LIMITS.secretMin, max: PEER_LIMITS.secretMax, message: f.secretRule },
  ],
};

/**
 * Adds a peer deployment (`peer` null) or changes one. Its secret is never shown back: left
 * empty on an edit it is kept. Turning a peer off is confirmed first. Loaded when first opened.
 */
export default function PeerDialog({
  open,
  peer,
  onClose,
}: {
  open: boolean;
  peer: PeerView | null;
  onClose: () => void;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePeer();
  const [error, setError] = useState<string | null>(null);
  const approved = Form.useWatch('secretApproved', form) === true;

  const send = async (v: Values) => {
    setError(null);
    try {
      if (peer) {
        const body: PeerPatch = {
          name: v.name.trim(),
          url: v.url.trim(),
          secretApproved: v.secretApproved,
          active: v.active,
          version: peer.version,
        };
        if (v.secret) body.secret = v.secret;
        await save.mutateAsync({ id: peer.id, body });
        message.success(tx.peers.saved);
      } else {
        const body: PeerWrite = {
          node: v.node.trim(),
          name: v.name.trim(),
          url: v.url.trim(),
          secret: v.secret ?? '',
          secretApproved: v.secretApproved,
        };
        await save.mutateAsync({ id: null, body });
        message.success(tx.peers.created);
      }
      onClose();
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : '';
      const field = ERROR_FIELDS[code];
      if (field && (field !== 'node' || !peer)) form.setFields([{ name: field, errors: [errorMessage(failure)] }]);
      else if (code === 'common.stale_version') setError(`${errorMessage(failure)} ${tx.peers.stale}`);
      else setError(errorMessage(failure));
    }
  };

  const submit = (v: Values) => {
    if (peer?.active && !v.active) {
      modal.confirm({
        title: tx.peers.deactivateTitle(peer.name),
        content: tx.peers.deactivateBody,
        okText: tx.peers.deactivateOk,
        okButtonProps: { danger: true },
        cancelText: t.common.cancel,
        onOk: () => send(v),
      });
      return;
    }
    void send(v);
  };

  return (
    <Modal
      open={open}
      title={peer ? tx.peers.editTitle(peer.name) : tx.peers.createTitle}
      okText={peer ? t.common.save : tx.peers.create}
      cancelText={t.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        initialValues={
          peer
            ? {
                node: peer.node,
                name: peer.name,
                url: peer.url,
                secretApproved: peer.secretApproved,
                active: peer.active,
              }
            : { secretApproved: false, active: true }
        }
      >
        {peer ? null : (
          <Form.Item name="node" label={f.node} extra={f.nodeHint} rules={rules.node}>
            <Input
              maxLength={PEER_LIMITS.node}
              placeholder={f.nodePlaceholder}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={f.name} rules={rules.name}>
          <Input maxLength={PEER_LIMITS.name} placeholder={f.namePlaceholder} />
        </Form.Item>
        <Form.Item name="url" label={f.url} rules={rules.url}>
          <Input
            type="url"
            maxLength={PEER_LIMITS.url}
            placeholder={f.urlPlaceholder}
            autoComplete="off"
            spellCheck={false}
          />
        </Form.Item>
        <Form.Item
          name="secret"
          label={f.secret}
          extra={peer ? f.secretSet : f.secretNew}
          rules={rules.secret(peer === null)}
        >
          <Input.Password maxLength={PEER_LIMITS.secretMax} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="secretApproved"
          label={f.secretApproved}
          valuePropName="checked"
          style={{ marginBottom: approved ? 8 : undefined }}
        >
          <Switch />
        </Form.Item>
        <Alert
          type={approved ? 'warning' : 'info'}
          showIcon
          title={f.secretApprovedWarning}
          style={{ marginBottom: 16, fontSize: 13 }}
        />
        {peer ? (
          <Form.Item name="active" label={f.active} valuePropName="checked" extra={f.activeHint}>
            <Switch />
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
