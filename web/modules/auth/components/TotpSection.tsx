import { App, Button, Flex, Form, Input, Tag, Typography } from 'antd';
import { useTotpDisable, useTotpEnable, useTotpSetup } from '../../../app/api/auth';
import { errorMessage } from '../../../app/api/client';
import CopyableText from '../../../app/components/CopyableText';
import { t } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/layout/currentUser';
import { totpCodeRules } from '../../../app/validation';

/** "JBSW Y3DP EHPK 3PXP": easier to type into a phone than one long run of letters. */
function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

const codeInput = <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ maxWidth: 160 }} />;

function EnableTotp() {
  const { message } = App.useApp();
  const setup = useTotpSetup();
  const enable = useTotpEnable();

  if (!setup.data) {
    return (
      <Button
        type="primary"
        loading={setup.isPending}
        disabled={setup.isPending}
        onClick={() => setup.mutate(undefined, { onError: (error) => message.error(errorMessage(error)) })}
      >
        {t.account.totpEnable}
      </Button>
    );
  }

  const { secret, otpauthUrl } = setup.data;
  return (
    <div>
      <Typography.Paragraph>{t.account.totpStep1}</Typography.Paragraph>
      <CopyableText text={secret} display={groupSecret(secret)} style={{ fontSize: 18 }} />
      <Typography.Paragraph type="secondary">{t.account.totpUrl}</Typography.Paragraph>
      <CopyableText text={otpauthUrl} />
      <Typography.Paragraph>{t.account.totpStep2}</Typography.Paragraph>
      <Form<{ code: string }>
        data-enter-submits
        layout="inline"
        requiredMark={false}
        onFinish={({ code }) =>
          enable.mutate(
            { code },
            {
              onSuccess: () => {
                message.success(t.account.totpEnabled);
                setup.reset();
              },
              onError: (error) => message.error(errorMessage(error)),
            },
          )
        }
      >
        <Form.Item name="code" label={t.account.totpCode} rules={totpCodeRules}>
          {codeInput}
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={enable.isPending} disabled={enable.isPending}>
            {t.account.totpConfirm}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

function DisableTotp() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; code: string }>();
  const disable = useTotpDisable();
  return (
    <div>
      <Typography.Paragraph>{t.account.totpDisableIntro}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 420 }}
        onFinish={(values) =>
          disable.mutate(values, {
            onSuccess: () => {
              message.success(t.account.totpDisabled);
              form.resetFields();
            },
            onError: (error) => message.error(errorMessage(error)),
          })
        }
      >
        <Form.Item
          name="password"
          label={t.password.current}
          rules={[{ required: true, message: t.password.currentRequired }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="code" label={t.account.totpCode} rules={totpCodeRules}>
          {codeInput}
        </Form.Item>
        <Button danger htmlType="submit" loading={disable.isPending} disabled={disable.isPending}>
          {t.account.totpDisable}
        </Button>
      </Form>
    </div>
  );
}

export default function TotpSection() {
  const user = useCurrentUser();
  return (
    <Flex vertical gap={12}>
      <div>{user.totpEnabled ? <Tag color="success">{t.account.totpOn}</Tag> : <Tag>{t.account.totpOff}</Tag>}</div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.account.totpIntro}
      </Typography.Paragraph>
      {user.totpEnabled ? <DisableTotp /> : <EnableTotp />}
    </Flex>
  );
}
