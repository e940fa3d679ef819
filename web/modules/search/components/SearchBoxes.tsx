import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Drawer, Empty, Flex, Input, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { SearchResponse } from '../../../../common/schemas/search';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { SEARCH_MIN_LENGTH, useSearch } from '../api';
import { tsearch } from '../search.i18n';

function Hit({ title, detail }: { title: string; detail: string }) {
  return (
    <Flex vertical style={{ minWidth: 0, lineHeight: 1.35, paddingBlock: 2 }}>
      <Typography.Text ellipsis>{title}</Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
        {detail}
      </Typography.Text>
    </Flex>
  );
}

function groupTitle(kind: keyof typeof tsearch.kinds, shown: number, total: number) {
  return `${tsearch.kinds[kind]}${total > shown ? ` (${tsearch.more(shown, total)})` : ''}`;
}

/** The header's search box on a wide screen: results grouped by kind under the box. */
export function WideSearch({ initialText }: { initialText: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState(initialText);
  const q = useDebouncedValue(text, 250);
  const search = useSearch(q);
  const groups = q.trim().length >= SEARCH_MIN_LENGTH ? (search.data?.groups ?? []) : [];
  const options = groups.map((g) => ({
    label: groupTitle(g.kind, g.items.length, g.total),
    options: g.items.map((item) => ({
      value: item.path,
      key: `${g.kind}:${item.id}`,
      label: <Hit title={item.title} detail={item.detail} />,
    })),
  }));
  const notFound =
    q.trim().length < SEARCH_MIN_LENGTH ? null : search.isFetching ? <Spin size="small" /> : tsearch.none(q.trim());
  return (
    // The header sets a line height of its own; the box keeps an ordinary one.
    <div style={{ display: 'flex', alignItems: 'center', lineHeight: 'normal' }}>
      <AutoComplete
        value={text}
        options={options}
        onChange={setText}
        onSelect={(path: string) => {
          setText('');
          navigate(path);
        }}
        notFoundContent={notFound}
        popupMatchSelectWidth={460}
        // Typed into the stand-in while this code came: its results open at once.
        defaultOpen={initialText.trim().length >= SEARCH_MIN_LENGTH}
        style={{ width: 320 }}
      >
        <Input
          aria-label={tsearch.label}
          placeholder={tsearch.placeholder}
          prefix={<SearchOutlined />}
          allowClear
          autoFocus
          // The caret after what was already typed, so the next letters follow it.
          onFocus={(event) => {
            const end = event.target.value.length;
            event.target.setSelectionRange(end, end);
          }}
          style={{ borderRadius: 16, height: 34 }}
        />
      </AutoComplete>
    </div>
  );
}

function Results({ answer, onOpen }: { answer: SearchResponse; onOpen: (path: string) => void }) {
  if (answer.groups.length === 0) return <Empty description={tsearch.none(answer.q)} />;
  return (
    <Flex vertical gap={16}>
      {answer.groups.map((g) => (
        <section key={g.kind} aria-label={tsearch.kinds[g.kind]}>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {groupTitle(g.kind, g.items.length, g.total)}
          </Typography.Title>
          <List
            size="small"
            dataSource={g.items}
            rowKey="id"
            renderItem={(item) => (
              <List.Item style={{ paddingInline: 0 }}>
                <a
                  href={item.path}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(item.path);
                  }}
                  style={{ minWidth: 0, width: '100%' }}
                >
                  <Hit title={item.title} detail={item.detail} />
                </a>
              </List.Item>
            )}
          />
        </section>
      ))}
    </Flex>
  );
}

/** On a phone: an icon in the header opens the search across the whole width. */
export function PhoneSearch({ initiallyOpen }: { initiallyOpen: boolean }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(initiallyOpen);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useSearch(q);
  const long = q.trim().length >= SEARCH_MIN_LENGTH;
  const openHit = (path: string) => {
    setOpen(false);
    setText('');
    navigate(path);
  };
  return (
    <>
      <Button
        type="text"
        aria-label={tsearch.open}
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        style={{ color: '#fff' }}
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="top"
        size="100%"
        title={tsearch.title}
        destroyOnHidden
        styles={{ body: { paddingTop: 12 } }}
      >
        <Input.Search
          aria-label={tsearch.label}
          placeholder={tsearch.placeholder}
          value={text}
          onChange={(event) => setText(event.target.value)}
          allowClear
          autoFocus
          size="large"
          enterButton
          style={{ marginBottom: 16 }}
        />
        {!long ? (
          <Typography.Text type="secondary">{tsearch.hint}</Typography.Text>
        ) : search.isError ? (
          <Typography.Text type="danger">{tsearch.failed}</Typography.Text>
        ) : search.data ? (
          <Results answer={search.data} onOpen={openHit} />
        ) : (
          <Spin />
        )}
      </Drawer>
    </>
  );
}
