import { addDays, dayInVietnam } from '../../platform/clock';
import type { PlatformDeps } from '../../platform/deps';
import type { Actor } from '../../platform/security/actor';
import type { InspectionModule } from '../inspection/inspection.contract';

/**
 * The Inspection Commission's year: a programme of four planned cases, one of them carried
 * out and closed, a thematic supervision under way, and a denunciation being verified.
 */
export async function seedDemoInspection(
  deps: PlatformDeps,
  inspection: InspectionModule,
  ctx: { officer: Actor; commissionId: string; communeId: string; cellId: string },
) {
  const today = dayInVietnam(deps.clock.now());
  const year = Number(today.slice(0, 4));
  const start = [`${year}-01-02`, addDays(today, -60)].sort()[1] ?? today;
  const day = (k: number) => [addDays(start, 5 * k), today].sort()[0] ?? today;
  const { officer } = ctx;

  const { id: programmeId } = await inspection.programmes.create(officer, {
    organizationId: ctx.commissionId,
    year,
    title: `Chương trình kiểm tra, giám sát năm ${year} của Ủy ban Kiểm tra Huyện ủy`,
  });
  const item = (
    quarter: number,
    kind: 'finance' | 'duty_performance' | 'supervision_thematic' | 'supervision_regular',
    title: string,
  ) => inspection.programmes.addItem(officer, programmeId, { quarter, kind, title, unitOrganizationId: ctx.communeId });
  const finance = await item(1, 'finance', 'Kiểm tra tài chính đảng, thu nộp đảng phí tại Đảng bộ xã Lũng Cú');
  await item(2, 'duty_performance', 'Kiểm tra việc thực hiện nhiệm vụ của Ban Thường vụ Đảng ủy xã Lũng Cú');
  const thematic = await item(3, 'supervision_thematic', 'Giám sát chuyên đề việc thực hiện quy định về nêu gương');
  await item(4, 'supervision_regular', 'Giám sát thường xuyên cấp ủy viên các chi bộ thôn');

  const step = async (
    id: string,
    stage: Parameters<InspectionModule['stages']['record']>[2]['stage'],
    onDate: string,
    extra = {},
  ) => {
    const view = await inspection.cases.get(officer, id);
    await inspection.stages.record(officer, id, { version: view.version, stage, onDate, ...extra });
  };

  const closed = await inspection.cases.create(officer, {
    organizationId: ctx.commissionId,
    kind: 'finance',
    title: 'Kiểm tra tài chính đảng, thu nộp đảng phí tại Đảng bộ xã Lũng Cú',
    unitOrganizationId: ctx.communeId,
    subjects: [{ type: 'organization', organizationId: ctx.communeId }],
    openedOn: day(0),
    documentNumber: '05-KH/UBKTHU',
    programmeItemId: finance.id,
  });
  await step(closed.id, 'decision', day(1), { documentNumber: '12-QĐ/UBKTHU', team: [officer.userId] });
  await step(closed.id, 'report', day(2), { documentNumber: '15-BC/ĐKT' });
  await step(closed.id, 'conclusion', day(3), { violation: false, note: 'Thu, nộp, quản lý đảng phí đúng quy định.' });
  await step(closed.id, 'notification', day(4), { documentNumber: '18-TB/UBKTHU' });
  await step(closed.id, 'closure', day(4));

  const supervision = await inspection.cases.create(officer, {
    organizationId: ctx.commissionId,
    kind: 'supervision_thematic',
    title: 'Giám sát chuyên đề việc thực hiện quy định về nêu gương',
    unitOrganizationId: ctx.communeId,
    subjects: [
      { type: 'organization', organizationId: ctx.cellId },
      { type: 'full_member', name: 'Vàng Mí Sính', position: 'Bí thư Chi bộ thôn Lũng Cú' },
    ],
    openedOn: day(5),
    documentNumber: '21-KH/UBKTHU',
    programmeItemId: thematic.id,
  });
  await step(supervision.id, 'decision', day(6), { documentNumber: '24-QĐ/UBKTHU', team: [officer.userId] });
  await step(supervision.id, 'verification', day(8), { note: 'Làm việc với chi ủy và 12 đảng viên.' });

  const letter = await inspection.cases.create(officer, {
    organizationId: ctx.commissionId,
    kind: 'denunciation',
    title: 'Đơn tố cáo đảng viên vi phạm quy định về quản lý đất đai',
    unitOrganizationId: ctx.cellId,
    subjects: [
      { type: 'full_member', name: 'Giàng Seo Pó', position: 'Trưởng thôn' },
      { type: 'probationary_member', name: 'Lù Thị Mai', position: 'Đảng viên dự bị' },
    ],
    openedOn: day(7),
    documentNumber: 'Đơn số 03',
    source: 'letter',
    denouncer: { name: 'Hoàng Văn Tố', address: 'Thôn Thèn Pả, xã Lũng Cú', phone: null },
  });
  await step(letter.id, 'decision', day(8), { documentNumber: '27-QĐ/UBKTHU', team: [officer.userId] });
}
