import { Flex, Typography } from 'antd';
import { SAVING_KIND_LABELS, SAVING_KINDS } from '../../../../common/meetings';
import type { SavingsReport } from '../../../../common/schemas/savings';
import { tstat } from '../statistics.i18n';
import { formatNumber, formatVnd } from './money';

/** Each kind of paper saved, its money and its share of the year, every kind listed even at zero. */
export default function KindBreakdown({ report }: { report: SavingsReport }) {
  const byKind = new Map(report.byKind.map((k) => [k.kind, k]));
  const total = Math.max(1, report.totals.money);
  return (
    <Flex vertical gap={14}>
      {SAVING_KINDS.map((kind) => {
        const row = byKind.get(kind) ?? { pages: 0, copies: 0, money: 0 };
        const share = Math.round((row.money / total) * 100);
        return (
          <Flex key={kind} vertical gap={4}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{SAVING_KIND_LABELS[kind]}</Typography.Text>
              <Typography.Text>{formatVnd(row.money)}</Typography.Text>
            </Flex>
            <div style={{ height: 8, background: '#f5f5f5', borderRadius: 4 }}>
              <div style={{ width: `${share}%`, height: '100%', background: '#a8071a', borderRadius: 4 }} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tstat.savings.pagesCopies(formatNumber(row.pages), formatNumber(row.copies))}
              {row.money > 0 ? ` · ${share}%` : ''}
            </Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
}
