import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { type ComponentType, useState } from 'react';
import { tsearch } from '../search.i18n';

type Boxes = typeof import('./SearchBoxes');

/**
 * One search box for the whole office: documents, mail, meetings, people and cases, grouped by kind.
 * The frame shows a plain box (or, on a phone, an icon) of the same look; the search itself (an
 * AutoComplete with antd's Select, a drawer of results) is fetched when the person starts to search,
 * so the frame every page stands in stays light. What was typed meanwhile is kept.
 */
export default function HeaderSearch({ wide }: { wide: boolean }) {
  const [boxes, setBoxes] = useState<Boxes | null>(null);
  const [text, setText] = useState('');
  const [phoneAsked, setPhoneAsked] = useState(false);
  const load = () => {
    if (!boxes) void import('./SearchBoxes').then(setBoxes);
  };
  if (boxes) {
    const Wide: ComponentType<{ initialText: string }> = boxes.WideSearch;
    return wide ? <Wide initialText={text} /> : <boxes.PhoneSearch initiallyOpen={phoneAsked} />;
  }
  if (!wide) {
    return (
      <Button
        type="text"
        aria-label={tsearch.open}
        icon={<SearchOutlined />}
        onClick={() => {
          setPhoneAsked(true);
          load();
        }}
        style={{ color: '#fff' }}
      />
    );
  }
  return (
    <div style={{ display: 'flex', alignItems: 'center', lineHeight: 'normal' }}>
      <Input
        // The same role and name as the search box it stands for, which opens a list of results.
        role="combobox"
        aria-expanded={false}
        aria-autocomplete="list"
        aria-label={tsearch.label}
        placeholder={tsearch.placeholder}
        prefix={<SearchOutlined />}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onFocus={load}
        onPointerDown={load}
        style={{ borderRadius: 16, height: 34, width: 320 }}
      />
    </div>
  );
}
