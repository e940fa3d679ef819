import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DocumentLink, DocumentView } from '../../../../common/schemas/documents';
import { renderInApp } from '../../../test/render';
import DocumentInfo from './DocumentInfo';

const link = (documentId: string, numberText: string, summary: string): DocumentLink => ({
  documentId,
  direction: 'outgoing',
  numberText,
  issuerName: 'Huyện ủy Đồng Văn',
  summary,
  status: 'dispatched',
});

/** A dispatched report that replaced an earlier one and was itself replaced twice since. */
const doc = {
  id: 'doc-mid',
  direction: 'outgoing',
  status: 'dispatched',
  organizationName: 'Huyện ủy Đồng Văn',
  typeCode: 'BC',
  numberText: '15-BC/HU',
  summary: 'Báo cáo sơ kết 6 tháng (thay thế)',
  secrecy: 'normal',
  urgency: 'normal',
  replyTo: null,
  replies: [],
  source: null,
  replaces: link('doc-old', '12-BC/HU', 'Báo cáo sơ kết 6 tháng'),
  replacedBy: [
    link('doc-new', '20-BC/HU', 'Báo cáo sơ kết 6 tháng (thay thế lần 2)'),
    link('doc-newer', '21-BC/HU', 'Báo cáo sơ kết 6 tháng (thay thế lần 3)'),
  ],
} as unknown as DocumentView;

const row = (label: string) => screen.getByText(label).closest('tr') as HTMLElement;

describe('the document information', () => {
  it('links the document it replaces and those that replace it, by number and summary', () => {
    renderInApp(<DocumentInfo doc={doc} />);
    const replaces = screen.getByRole('link', { name: 'Số 12-BC/HU — Báo cáo sơ kết 6 tháng' });
    expect(replaces.getAttribute('href')).toBe('/documents/doc-old');
    expect(row('Thay thế văn bản').contains(replaces)).toBe(true);

    const later = [
      screen.getByRole('link', { name: 'Số 20-BC/HU — Báo cáo sơ kết 6 tháng (thay thế lần 2)' }),
      screen.getByRole('link', { name: 'Số 21-BC/HU — Báo cáo sơ kết 6 tháng (thay thế lần 3)' }),
    ];
    expect(later.map((a) => a.getAttribute('href'))).toEqual(['/documents/doc-new', '/documents/doc-newer']);
    expect(later.every((a) => row('Bị thay thế bởi').contains(a))).toBe(true);
  });

  it('says nothing of replacement for a document that neither replaces nor was replaced', () => {
    renderInApp(<DocumentInfo doc={{ ...doc, replaces: null, replacedBy: [] }} />);
    expect(screen.queryByText('Thay thế văn bản')).toBeNull();
    expect(screen.queryByText('Bị thay thế bởi')).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);
  });
});
