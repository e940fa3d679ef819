import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { person, renderInApp } from '../../../test/render';
import { type RecipientChoice, toRecipientWrites } from './outgoingValues';
import RecipientsField from './RecipientsField';

const organization = (id: string, name: string, abbreviation: string, reach?: string) => ({
  id,
  name,
  abbreviation,
  ...(reach ? { reach } : {}),
});

let chosen: RecipientChoice[] = [];
function Field() {
  const [value, setValue] = useState<RecipientChoice[]>([]);
  chosen = value;
  return <RecipientsField value={value} onChange={setValue} />;
}

describe('recipients outside the deployment', () => {
  it('are marked when found and once chosen, and the mark is not sent', async () => {
    fakeServer({
      'GET /api/groups': { json: { items: [], total: 0, page: 1, pageSize: 100 } },
      'GET /api/people': { json: { items: [], total: 0, page: 1, pageSize: 10 } },
      'GET /api/organizations': {
        json: {
          // One answer says nothing of its reach: it is taken as inside.
          items: [
            organization('tu-lc', 'Tỉnh ủy Lào Cai', 'TULC', 'peer'),
            organization('tu-hg', 'Tỉnh ủy Hà Giang', 'TUHG', 'inside'),
            organization('hu-dv', 'Huyện ủy Đồng Văn', 'HUDV'),
          ],
          total: 3,
          page: 1,
          pageSize: 20,
        },
      },
    });
    renderInApp(<Field />);
    const user = person();
    await user.type(screen.getByRole('combobox', { name: 'Thêm người hoặc tổ chức' }), 'tinh uy');
    const outside = await screen.findByTitle('Tỉnh ủy Lào Cai (TULC)');
    expect(within(outside).getByText('Ngoài hệ thống')).toBeTruthy();
    expect(within(screen.getByTitle('Tỉnh ủy Hà Giang (TUHG)')).queryByText('Ngoài hệ thống')).toBeNull();
    expect(within(screen.getByTitle('Huyện ủy Đồng Văn (HUDV)')).queryByText('Ngoài hệ thống')).toBeNull();
    await user.click(outside);

    await waitFor(() => expect(chosen).toHaveLength(1));
    const tag = screen.getByText(/^Tổ chức: Tỉnh ủy Lào Cai/);
    expect(within(tag).getByText('Ngoài hệ thống')).toBeTruthy();
    expect(toRecipientWrites(chosen)).toEqual([{ kind: 'organization', id: 'tu-lc' }]);
  });
});
