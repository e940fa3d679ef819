import { foldVietnamese } from '../../common/text/fold';
import { insertDocument } from '../modules/documents/documents.repository';
import { newId } from '../platform/ids';
import { client } from './documents';
import { makeOrganization, makeUser, type OrgFixture, sessionFor } from './factories';
import type { TestApp } from './harness';

export { client, errorCode, ok } from './documents';

/** A person of the directory, inserted straight into the table. */
export async function makePerson(t: TestApp, fullName: string, position: string | null = null): Promise<string> {
  const id = newId();
  const at = t.clock.now().toISOString();
  await t.deps.database.db
    .insertInto('people')
    .values({
      id,
      full_name: fullName,
      position,
      phone: null,
      email: null,
      mailbox: null,
      search_text: foldVietnamese(fullName),
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** An incoming document of `org`, optionally readable by `readers` through a grant. */
export async function makeDocument(t: TestApp, org: OrgFixture, createdBy: string, readers: string[] = []) {
  const id = newId();
  const at = t.clock.now().toISOString();
  await insertDocument(t.deps.database.db, t.kind, {
    id,
    organization_id: org.id,
    direction: 'incoming',
    status: 'registered',
    register_id: null,
    period: null,
    number: null,
    number_text: '12-QĐ/UBKTHU',
    arrival_number: null,
    arrival_date: null,
    type_code: 'QĐ',
    issuer_name: org.name,
    issuer_organization_id: null,
    issue_date: null,
    summary: 'Quyết định kiểm tra khi có dấu hiệu vi phạm',
    signer_name: null,
    signer_position: null,
    page_count: null,
    copies: null,
    secrecy: 'normal',
    urgency: 'normal',
    channel: null,
    due_date: null,
    document_key: null,
    delivery_id: null,
    created_by: createdBy,
    leader_id: null,
    client_key: null,
    search_text: 'quyet dinh kiem tra',
    version: 1,
    created_at: at,
    updated_at: at,
  });
  for (const user_id of readers) {
    await t.deps.database.db
      .insertInto('document_access')
      .values({ document_id: id, user_id, reason: 'test' })
      .execute();
  }
  return id;
}

/**
 * A Party committee with its Inspection Commission (two officers), a Party cell, a leader
 * outside the commission, and two members of the directory: one full, one probationary.
 */
export async function makeCommission(t: TestApp) {
  const committee = await makeOrganization(t, { name: 'Huyện ủy Đồng Văn', abbreviation: 'HU' });
  const commission = await makeOrganization(t, {
    parent: committee,
    name: 'Ủy ban Kiểm tra Huyện ủy',
    type: 'inspection_commission',
    abbreviation: 'UBKTHU',
  });
  const cell = await makeOrganization(t, { parent: committee, name: 'Chi bộ thôn Lũng Cú', type: 'party_cell' });
  const person = async (org: OrgFixture, role: 'inspector' | 'leader', fullName: string) => {
    const user = await makeUser(t, [{ organization: org, role }], { fullName });
    return { ...user, api: client(t, await sessionFor(t, user)) };
  };
  const officer = await person(commission, 'inspector', 'Giàng Thị Kiểm Tra');
  const colleague = await person(commission, 'inspector', 'Vừ Mí Ủy Viên');
  const leader = await person(committee, 'leader', 'Vàng Seo Lãnh Đạo');
  const fullMember = await makePerson(t, 'Sùng Mí Chính Thức', 'Trưởng thôn');
  const probationary = await makePerson(t, 'Lò Văn Dự Bị', 'Đảng viên');
  return { committee, commission, cell, officer, colleague, leader, fullMember, probationary };
}
export type CommissionWorld = Awaited<ReturnType<typeof makeCommission>>;

/** A denunciation about the two members, received on `day`, with its denouncer. */
export function denunciation(w: CommissionWorld, day = '2026-11-02') {
  return {
    organizationId: w.commission.id,
    kind: 'denunciation',
    title: 'Đơn tố cáo đồng chí trưởng thôn vi phạm quy định về đất đai',
    unitOrganizationId: w.cell.id,
    subjects: [
      { type: 'full_member', personId: w.fullMember },
      { type: 'probationary_member', personId: w.probationary },
    ],
    openedOn: day,
    documentNumber: 'Đơn số 07',
    source: 'letter',
    denouncer: { name: 'Hoàng Văn Tố', address: 'Thôn Thèn Pả, xã Lũng Cú', phone: '0912000111' },
  };
}
