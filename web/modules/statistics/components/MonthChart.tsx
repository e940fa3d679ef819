import { Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { SavingsReport } from '../../../../common/schemas/savings';
import { tstat } from '../statistics.i18n';
import { formatNumber, formatVnd } from './money';

type Metric = 'money' | 'pages' | 'copies';
const ts = tstat.savings;

const show = (metric: Metric, value: number) => (metric === 'money' ? formatVnd(value) : formatNumber(value));

/**
 * The twelve months as horizontal bars drawn with plain CSS: readable on a phone as on a
 * desktop, and no chart library to download. Months still to come are left blank.
 */
export default function MonthChart({ report, lastMonth }: { report: SavingsReport; lastMonth: number }) {
  const [metric, setMetric] = useState<Metric>('money');
  const byMonth = new Map(report.byMonth.map((m) => [Number(m.month.slice(5, 7)), m]));
  const values = Array.from({ length: 12 }, (_, i) => byMonth.get(i + 1)?.[metric] ?? 0);
  const max = Math.max(1, ...values);

  return (
    <Flex vertical gap={12}>
      <Segmented<Metric>
        size="small"
        value={metric}
        onChange={setMetric}
        options={(['money', 'pages', 'copies'] as const).map((m) => ({ value: m, label: ts.metric[m] }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <ul aria-label={ts.byMonth} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {values.map((value, i) => {
          const month = i + 1;
          const future = month > lastMonth;
          const label = `${ts.monthLong(month, report.year)}: ${future ? '—' : show(metric, value)}`;
          return (
            <li
              key={month}
              aria-label={label}
              title={label}
              style={{ display: 'flex', alignItems: 'center', gap: 8, height: 26 }}
            >
              <Typography.Text type="secondary" style={{ width: 30, flex: 'none', fontSize: 12 }}>
                {ts.monthShort(month)}
              </Typography.Text>
              <div style={{ flex: 1, minWidth: 0, height: 14, background: '#f5f5f5', borderRadius: 3 }}>
                <div
                  style={{
                    width: `${(value / max) * 100}%`,
                    minWidth: value > 0 ? 2 : 0,
                    height: '100%',
                    background: '#a8071a',
                    borderRadius: 3,
                  }}
                />
              </div>
              <Typography.Text
                style={{ width: 116, flex: 'none', textAlign: 'right', fontSize: 12, whiteSpace: 'nowrap' }}
                type={future || value === 0 ? 'secondary' : undefined}
              >
                {future ? '—' : show(metric, value)}
              </Typography.Text>
            </li>
          );
        })}
      </ul>
    </Flex>
  );
}
