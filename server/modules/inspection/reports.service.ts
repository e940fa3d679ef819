import {
  CASE_KIND_LABELS,
  type CaseKind,
  DISCIPLINE_FORM_LABELS,
  type DisciplineForm,
  SUBJECT_TYPE_LABELS,
  type SubjectType,
} from '../../../common/inspection';
import type { InspectionReport, ReportQuery } from '../../../common/schemas/inspection';
import { loadExcel } from '../../platform/excel';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { CaseAccess } from './case-access.service';
import * as errors from './inspection.errors';
import * as reports from './reports.repository';

type Line = [section: string, item: string, cases: number | string, violations: number | string];

/** The report as rows: the same lines in the spreadsheet and on paper. */
export function reportLines(r: InspectionReport): Line[] {
  const lines: Line[] = [
    ['Tổng hợp', 'Tổng số vụ việc', r.totals.cases, r.totals.violations],
    ['Tổng hợp', 'Đang thực hiện', r.totals.open, ''],
    ['Tổng hợp', 'Đã kết thúc', r.totals.closed, ''],
    ['Tổng hợp', 'Quá hạn', r.totals.overdue, ''],
  ];
  for (const k of r.byKind) lines.push(['Theo loại', CASE_KIND_LABELS[k.kind], k.cases, k.violations]);
  for (const s of r.bySubjectType)
    lines.push(['Theo đối tượng', SUBJECT_TYPE_LABELS[s.subjectType], s.subjects, s.violations]);
  for (const o of r.byOrganization) lines.push(['Theo tổ chức', o.organizationName, o.cases, o.violations]);
  for (const q of r.byQuarter) lines.push(['Theo quý', `Quý ${q.quarter}`, q.cases, q.violations]);
  for (const d of r.disciplines) {
    lines.push(['Kỷ luật', `${DISCIPLINE_FORM_LABELS[d.form]} — ${SUBJECT_TYPE_LABELS[d.subjectType]}`, d.count, '']);
  }
  lines.push(['Tố cáo', 'Đã tiếp nhận', r.denunciations.received, '']);
  lines.push(['Tố cáo', 'Đã giải quyết', r.denunciations.handled, '']);
  lines.push(['Tố cáo', 'Giải quyết đúng hạn', r.denunciations.inTime, '']);
  return lines;
}

const byCount = <T extends { cases: number }>(a: T, b: T) => b.cases - a.cases;

/** Periodic statistics of inspection, supervision and discipline; on screen, as XLSX and as PDF. */
export function createReportsService(core: CaseAccess) {
  const { db, deps } = core;

  async function report(actor: Actor, query: ReportQuery, how = 'Xem'): Promise<InspectionReport> {
    const paths = core.commissionPaths(actor);
    if (paths.length === 0) throw errors.outsideCommission();
    const ids = await reports.commissionIds(db, paths, query.organizationId);
    if (query.organizationId && ids.length === 0) throw errors.outsideCommission();
    const f = await reports.reportFigures(db, ids, query.year, core.today());
    await deps.transact(({ audit }) =>
      audit(auditActorOf(actor), {
        action: 'inspection.report',
        entityType: 'inspection_report',
        entityId: null,
        summary: `${how} báo cáo thống kê kiểm tra, giám sát năm ${query.year}`,
      }),
    );
    return {
      year: query.year,
      totals: f.totals,
      byKind: f.byKind.map((k) => ({ ...k, kind: k.kind as CaseKind })).sort(byCount),
      bySubjectType: f.bySubjectType.map((s) => ({ ...s, subjectType: s.subjectType as SubjectType })),
      byOrganization: f.byOrganization
        .map((o) => ({ ...o, organizationName: o.organizationName ?? 'Không gắn tổ chức' }))
        .sort(byCount),
      byQuarter: f.byQuarter,
      disciplines: f.disciplines.map((d) => ({
        form: d.form as DisciplineForm,
        subjectType: d.subjectType as SubjectType,
        count: d.count,
      })),
      denunciations: f.denunciations,
    };
  }

  async function exportXlsx(actor: Actor, query: ReportQuery) {
    const r = await report(actor, query, 'Xuất bảng tính');
    const ExcelJS = await loadExcel();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(`Năm ${r.year}`);
    sheet.addRow([`BÁO CÁO THỐNG KÊ CÔNG TÁC KIỂM TRA, GIÁM SÁT, KỶ LUẬT NĂM ${r.year}`]).font = {
      bold: true,
      size: 14,
    };
    sheet.addRow([]);
    sheet.addRow(['Nhóm', 'Nội dung', 'Số vụ việc', 'Có vi phạm']).font = { bold: true };
    for (const line of reportLines(r)) sheet.addRow(line);
    sheet.columns.forEach((c, i) => {
      c.width = i === 1 ? 60 : 16;
    });
    return { bytes: Buffer.from(await book.xlsx.writeBuffer()), fileName: `thong-ke-kiem-tra-${r.year}.xlsx` };
  }

  async function exportPdf(actor: Actor, query: ReportQuery) {
    const r = await report(actor, query, 'In');
    const { renderTableBookPdf } = await import('../../platform/render/table-book');
    const issuer = actor.grants.find((g) => g.role === 'inspector')?.organizationName ?? '';
    const bytes = await renderTableBookPdf({
      issuer,
      title: `Báo cáo thống kê công tác kiểm tra, giám sát, kỷ luật năm ${r.year}`,
      subtitle: `Số liệu đến ngày ${core.today().split('-').reverse().join('/')}`,
      columns: [
        { header: 'Nhóm', share: 0.18 },
        { header: 'Nội dung', share: 0.52 },
        { header: 'Số vụ việc', share: 0.15, align: 'center' },
        { header: 'Có vi phạm', share: 0.15, align: 'center' },
      ],
      rows: reportLines(r).map((line) => line.map(String)),
    });
    return { bytes, fileName: `thong-ke-kiem-tra-${r.year}.pdf` };
  }

  return { report, exportXlsx, exportPdf };
}

export type ReportsService = ReturnType<typeof createReportsService>;
