import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Radio, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import {
  DOCUMENT_LIMITS,
  ISSUER_ABBREVIATION_PATTERN,
  REGISTER_LIMITS,
  TYPE_CODE_PATTERN,
} from '../../../../common/documents';
import type { Register } from '../../../../common/schemas/documents';
import { ApiError, errorMessage } from '../../../app/api/client';
import { t } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/layout/currentUser';
import OrganizationPicker from '../../directory/components/OrganizationPicker';
import { documentKeys, useSaveRegister } from '../api/documents.api';
import { tdoc } from '../documents.i18n';
import { TYPE_OPTIONS } from './DocumentFilterBar';
import { exampleCaption, exampleNumber, NOTATION_FONT, type NumberingRule, ruleSentences } from './registerRules';

const f = tdoc.registers.field;
const isTypeCode = (code: string) =>
  code.length >= 1 && code.length <= DOCUMENT_LIMITS.typeCode && TYPE_CODE_PATTERN.test(code);

interface Values {
  organizationId: string;
  direction: 'incoming' | 'outgoing';
  secret: boolean;
  name: string;
  style: 'party' | 'state';
  reset: 'year' | 'term' | 'never';
  perType: boolean;
  termLabel?: string;
  issuerAbbreviation: string;
  typeCodes: string[];
  active: boolean;
}

/** A register created (`register` null) or changed, with the numbering it gives shown as the person types. */
export default function RegisterForm({
  open,
  register,
  onClose,
}: {
  open: boolean;
  register: Register | null;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={register ? tdoc.registers.editTitle(register.name) : tdoc.registers.createTitle}
      size={screens.md ? 600 : '100%'}
      destroyOnHidden
      className="vp-register-form"
    >
      {open ? <RegisterFormBody register={register} onClose={onClose} /> : null}
    </Drawer>
  );
}

function RegisterFormBody({ register, onClose }: { register: Register | null; onClose: () => void }) {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const save = useSaveRegister();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // The organizations the person keeps registers for: the first is the usual choice.
  const managed = user.roles
    .filter((g) => g.role === 'clerk' || g.role === 'admin')
    .map((g) => ({ id: g.organizationId, name: g.organizationName }))
    .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
  const initial: Values = register
    ? {
        organizationId: register.organizationId,
        direction: register.direction,
        secret: register.secret,
        name: register.name,
        style: register.style,
        reset: register.reset,
        perType: register.perType,
        termLabel: register.termLabel ?? undefined,
        issuerAbbreviation: register.issuerAbbreviation,
        typeCodes: register.typeCodes,
        active: register.active,
      }
    : {
        organizationId: managed[0]?.id ?? '',
        direction: 'outgoing',
        secret: false,
        name: '',
        style: 'party',
        reset: 'year',
        perType: true,
        issuerAbbreviation: '',
        typeCodes: [],
        active: true,
      };
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const rule: NumberingRule = {
    direction: watched?.direction ?? initial.direction,
    style: watched?.style ?? initial.style,
    reset: watched?.reset ?? initial.reset,
    perType: watched?.perType ?? initial.perType,
    typeCodes: watched?.typeCodes ?? initial.typeCodes,
    termLabel: watched?.termLabel ?? initial.termLabel,
    issuerAbbreviation: watched?.issuerAbbreviation ?? initial.issuerAbbreviation,
  };
  const outgoing = rule.direction === 'outgoing';

  const submit = async (v: Values) => {
    setError(null);
    const termLabel = v.termLabel?.trim() ?? '';
    const rules = {
      name: v.name.trim(),
      style: v.style,
      reset: v.reset,
      perType: v.perType,
      termLabel: termLabel === '' ? null : termLabel,
      issuerAbbreviation: v.issuerAbbreviation.trim(),
      typeCodes: v.typeCodes.map((c) => c.trim()).filter(Boolean),
    };
    try {
      if (register) {
        await save.mutateAsync({ id: register.id, body: { ...rules, version: register.version, active: v.active } });
        message.success(tdoc.registers.saved);
      } else {
        await save.mutateAsync({
          id: null,
          body: { ...rules, organizationId: v.organizationId, direction: v.direction, secret: v.secret },
        });
        message.success(tdoc.registers.created);
      }
      onClose();
    } catch (failure) {
      // The server's own sentence, beside the field it is about when there is one.
      const text = errorMessage(failure);
      const code = failure instanceof ApiError ? failure.code : '';
      if (code === 'documents.register_name_taken') form.setFields([{ name: 'name', errors: [text] }]);
      else if (code === 'documents.term_required') form.setFields([{ name: 'termLabel', errors: [text] }]);
      else if (code === 'common.stale_version') {
        void client.invalidateQueries({ queryKey: documentKeys.registers });
        setError(`${text} ${tdoc.registers.stale}`);
        return;
      }
      setError(text);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
      scrollToFirstError
    >
      {register ? (
        <Typography.Paragraph type="secondary">
          {register.organizationName} · {tdoc.registers.directionShort[register.direction]}
          {register.secret ? ` · ${tdoc.registers.secretTag}` : ''}
          <br />
          {f.fixedHint}
        </Typography.Paragraph>
      ) : (
        <>
          <Form.Item
            name="organizationId"
            label={f.organization}
            rules={[{ required: true, message: f.organizationRequired }]}
          >
            <OrganizationPicker known={managed} placeholder={f.organizationPlaceholder} />
          </Form.Item>
          <Form.Item name="direction" label={f.direction}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'outgoing', label: tdoc.registers.outgoing },
                { value: 'incoming', label: tdoc.registers.incoming },
              ]}
            />
          </Form.Item>
          <Form.Item name="secret" label={f.secret} valuePropName="checked" extra={f.secretHint}>
            <Switch />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {f.fixedHint}
          </Typography.Paragraph>
        </>
      )}
      <Form.Item name="name" label={f.name} rules={[{ required: true, whitespace: true, message: f.nameRequired }]}>
        <Input maxLength={REGISTER_LIMITS.name} placeholder={f.namePlaceholder} />
      </Form.Item>
      {outgoing ? (
        <Form.Item name="style" label={f.style}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={[
              { value: 'party', label: f.styleParty },
              { value: 'state', label: f.styleState },
            ]}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="issuerAbbreviation"
        label={f.issuer}
        extra={outgoing ? undefined : f.issuerIncomingHint}
        rules={[
          { required: true, whitespace: true, message: f.issuerRequired },
          { pattern: ISSUER_ABBREVIATION_PATTERN, message: f.issuerInvalid },
        ]}
      >
        <Input
          maxLength={REGISTER_LIMITS.issuerAbbreviation}
          placeholder={f.issuerPlaceholder}
          style={{ maxWidth: 240 }}
        />
      </Form.Item>
      <Form.Item name="reset" label={f.reset}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'year', label: f.resetYear },
            { value: 'term', label: f.resetTerm },
            { value: 'never', label: f.resetNever },
          ]}
        />
      </Form.Item>
      {rule.reset === 'term' ? (
        <Form.Item
          name="termLabel"
          label={f.term}
          rules={[{ required: true, whitespace: true, message: f.termRequired }]}
        >
          <Input maxLength={REGISTER_LIMITS.termLabel} placeholder={f.termPlaceholder} style={{ maxWidth: 240 }} />
        </Form.Item>
      ) : null}
      {outgoing ? (
        <Form.Item name="perType" label={f.perType} valuePropName="checked" extra={f.perTypeHint}>
          <Switch />
        </Form.Item>
      ) : null}
      <Form.Item
        name="typeCodes"
        label={f.types}
        extra={f.typesHint}
        rules={[
          {
            validator: (_, value: string[] | undefined) => {
              const wrong = (value ?? []).find((c) => !isTypeCode(c.trim()));
              return wrong === undefined ? Promise.resolve() : Promise.reject(new Error(f.typeInvalid(wrong)));
            },
          },
        ]}
      >
        <Select
          mode="tags"
          aria-label={f.types}
          options={TYPE_OPTIONS}
          optionFilterProp="label"
          tokenSeparators={[',', ' ']}
          placeholder={tdoc.registers.allTypes}
        />
      </Form.Item>
      {register ? (
        <Form.Item name="active" label={f.active} valuePropName="checked" extra={f.activeHint}>
          <Switch />
        </Form.Item>
      ) : null}

      <Alert
        className="vp-register-example"
        type="info"
        title={tdoc.registers.rule.title}
        description={
          <Flex vertical gap={4}>
            <Typography.Text>{exampleCaption(rule)}</Typography.Text>
            <Typography.Text strong data-example style={{ fontSize: 18, fontFamily: NOTATION_FONT }}>
              {exampleNumber(rule)}
            </Typography.Text>
            {ruleSentences(rule).map((sentence) => (
              <Typography.Text key={sentence} type="secondary" style={{ fontSize: 13 }}>
                {sentence}
              </Typography.Text>
            ))}
          </Flex>
        }
        style={{ marginBottom: 16 }}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={onClose}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {register ? t.common.save : tdoc.registers.create}
        </Button>
      </Flex>
    </Form>
  );
}
