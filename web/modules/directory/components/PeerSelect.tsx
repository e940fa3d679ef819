import { Select, Spin } from 'antd';
import { errorMessage } from '../../../app/api/client';
import { usePeers } from '../../exchange/api/exchange.api';
import { td } from '../directory.i18n';

/**
 * The VanPhong deployment an outside organization is reached through: the active ones, and the
 * one already chosen even when it is no longer active (or the list is not the person's to read).
 */
export default function PeerSelect({
  id,
  value,
  onChange,
  current,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  current: { id: string; name: string } | null;
}) {
  const peers = usePeers();
  const options = (peers.data?.items ?? [])
    .filter((p) => p.active || p.id === value)
    .map((p) => ({ value: p.id, label: `${p.name} (${p.node})` }));
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: current.name || current.id });
  }
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      placeholder={td.organizations.peerPlaceholder}
      options={options}
      loading={peers.isLoading}
      notFoundContent={
        peers.isLoading ? <Spin size="small" /> : peers.isError ? errorMessage(peers.error) : td.groups.searchNothing
      }
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 0 }}
    />
  );
}
