import { Button, Card, Flex, Typography } from 'antd';
import type { AuthConfig } from '../../../../common/schemas/auth';
import { t } from '../../../app/i18n';

type DemoAccount = AuthConfig['demoAccounts'][number];

/** Demo mode only: the seeded accounts, one click to fill the sign-in form. */
export default function DemoAccountsCard({
  accounts,
  onPick,
}: {
  accounts: DemoAccount[];
  onPick: (account: DemoAccount) => void;
}) {
  return (
    <Card size="small" title={t.signIn.demoTitle}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t.signIn.demoHint}
      </Typography.Paragraph>
      <Flex vertical gap={8}>
        {accounts.map((account) => (
          <Button
            key={account.username}
            block
            onClick={() => onPick(account)}
            style={{ height: 'auto', paddingBlock: 6, justifyContent: 'flex-start', textAlign: 'left' }}
          >
            <Flex vertical style={{ minWidth: 0, whiteSpace: 'normal' }}>
              <Typography.Text strong>{account.label}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.signIn.demoUsername}: <Typography.Text code>{account.username}</Typography.Text>{' '}
                {t.signIn.demoPassword}: <Typography.Text code>{account.password}</Typography.Text>
              </Typography.Text>
            </Flex>
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
