import { Button, Card, Flex, Typography } from 'antd';
import type { AuthConfig } from '../../../../common/schemas/auth';
import { t } from '../../../app/i18n';

type DemoAccount = AuthConfig['demoAccounts'][number];

/**
 * Demo mode only: the seeded accounts, one click to fill the sign-in form. The server gives
 * the passwords only to a browser on its own machine; elsewhere the card says where they are.
 */
export default function DemoAccountsCard({
  accounts,
  onPick,
}: {
  accounts: DemoAccount[];
  onPick: (account: DemoAccount) => void;
}) {
  const withPasswords = accounts.every((account) => account.password !== undefined);
  return (
    <Card size="small" title={t.signIn.demoTitle}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {withPasswords ? t.signIn.demoHint : t.signIn.demoHintNoPasswords}
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
                {/* One line per pair, the same in every card; a password never breaks at its hyphens. */}
                <span style={{ display: 'block', whiteSpace: 'nowrap' }}>
                  {t.signIn.demoUsername}: <Typography.Text code>{account.username}</Typography.Text>
                </span>
                {account.password !== undefined ? (
                  <span style={{ display: 'block', whiteSpace: 'nowrap' }}>
                    {t.signIn.demoPassword}: <Typography.Text code>{account.password}</Typography.Text>
                  </span>
                ) : null}
              </Typography.Text>
            </Flex>
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
