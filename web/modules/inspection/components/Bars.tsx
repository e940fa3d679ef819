import { Typography } from 'antd';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** A second figure drawn inside the first (violations among cases). */
  part?: number;
}

/** Horizontal bars in plain CSS: readable on a phone as on a desktop, and no chart library to download. */
export default function Bars({ bars, label, partLabel }: { bars: Bar[]; label: string; partLabel?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {bars.map((b) => {
        const text = `${b.label}: ${b.value}${b.part !== undefined && partLabel ? `, ${partLabel.toLowerCase()} ${b.part}` : ''}`;
        return (
          <li key={b.key} aria-label={text} title={text} style={{ marginBottom: 8 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 13 }}>
              <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>{b.label}</span>
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                {b.value}
                {b.part !== undefined ? <Typography.Text type="danger"> / {b.part}</Typography.Text> : null}
              </Typography.Text>
            </div>
            <div style={{ height: 10, background: '#f5f5f5', borderRadius: 3, position: 'relative' }}>
              <div
                style={{
                  width: `${(b.value / max) * 100}%`,
                  minWidth: b.value > 0 ? 2 : 0,
                  height: '100%',
                  background: '#1677ff',
                  borderRadius: 3,
                }}
              />
              {b.part ? (
                <div
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: `${(b.part / max) * 100}%`,
                    height: '100%',
                    background: '#a8071a',
                    borderRadius: 3,
                  }}
                />
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
