import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, refusal } from '../../../test/fake-server';
import { person, renderInApp } from '../../../test/render';
import EdxmlDownloadButton from './EdxmlDownloadButton';

afterEach(() => vi.restoreAllMocks());

describe('the edXML package of a document', () => {
  it("says the server's refusal instead of saving a broken file", async () => {
    const fake = fakeServer({
      'GET /api/documents/doc-1/edxml': refusal(
        400,
        'documents.not_yet_numbered',
        'Văn bản chưa được cấp số, nên chưa lập được gói tin edXML.',
      ),
    });
    const created = vi.fn(() => 'blob:x');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    renderInApp(<EdxmlDownloadButton documentId="doc-1" />);
    await person().click(screen.getByRole('button', { name: /Tải gói tin edXML/ }));
    expect(await screen.findByText('Văn bản chưa được cấp số, nên chưa lập được gói tin edXML.')).toBeTruthy();
    expect(screen.getByText('Không tải được gói tin edXML')).toBeTruthy();
    expect(fake.requests.map((r) => r.url)).toEqual(['/api/documents/doc-1/edxml']);
    expect(created).not.toHaveBeenCalled();
  });

  it('saves the package under the name the server gives', async () => {
    const fetch = vi.fn(
      async () =>
        new Response('<edXML/>', {
          status: 200,
          headers: {
            'content-type': 'application/xml',
            'content-disposition': `attachment; filename="goi-tin.edxml"; filename*=UTF-8''${encodeURIComponent('15-CV-TU Tỉnh ủy.edxml')}`,
          },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderInApp(<EdxmlDownloadButton documentId="doc-1" />);
    await person().click(screen.getByRole('button', { name: /Tải gói tin edXML/ }));
    await waitFor(() => expect(clicked).toEqual(['15-CV-TU Tỉnh ủy.edxml']));
    expect(screen.queryByText('Không tải được gói tin edXML')).toBeNull();
  });
});
