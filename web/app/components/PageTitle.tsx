import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page heading with its main actions beside it, wrapping under it on narrow screens. */
export default function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <Flex wrap align="center" justify="space-between" gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? (
        <Flex wrap gap={8}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
