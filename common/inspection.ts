/**
 * Party inspection, supervision and discipline (Điều lệ Đảng, Art. 32; QĐ 69-QĐ/TW): the kinds
 * of case, their stages and the discipline forms allowed for each subject. No zod, so the web
 * app can import the labels cheaply; the schemas are in common/schemas/inspection.ts.
 */
export const CASE_KINDS = [
  'signs_of_violation',
  'duty_performance',
  'lower_body_work',
  'finance',
  'supervision_regular',
  'supervision_thematic',
  'denunciation',
  'discipline_complaint',
  'discipline_enforcement',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  signs_of_violation: 'Kiểm tra khi có dấu hiệu vi phạm',
  duty_performance: 'Kiểm tra việc thực hiện nhiệm vụ',
  lower_body_work: 'Kiểm tra cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát, kỷ luật',
  finance: 'Kiểm tra tài chính đảng, thu nộp đảng phí',
  supervision_regular: 'Giám sát thường xuyên',
  supervision_thematic: 'Giám sát chuyên đề',
  denunciation: 'Giải quyết tố cáo',
  discipline_complaint: 'Giải quyết khiếu nại kỷ luật',
  discipline_enforcement: 'Thi hành kỷ luật',
};

/** Cases that start from a letter received rather than from a plan. */
export const RECEIVED_KINDS: readonly CaseKind[] = ['denunciation', 'discipline_complaint'];

export const SUBJECT_TYPES = ['full_member', 'probationary_member', 'organization'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const SUBJECT_TYPE_LABELS: Record<SubjectType, string> = {
  full_member: 'Đảng viên chính thức',
  probationary_member: 'Đảng viên dự bị',
  organization: 'Tổ chức đảng',
};

export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion', 'dissolution'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];
export const DISCIPLINE_FORM_LABELS: Record<DisciplineForm, string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  dismissal: 'Cách chức',
  expulsion: 'Khai trừ',
  dissolution: 'Giải tán',
};

/** The forms the Party's Statute allows for each subject (Art. 36). */
export const ALLOWED_FORMS: Record<SubjectType, readonly DisciplineForm[]> = {
  organization: ['reprimand', 'warning', 'dissolution'],
  full_member: ['reprimand', 'warning', 'dismissal', 'expulsion'],
  probationary_member: ['reprimand', 'warning'],
};

export const STAGES = [
  'plan',
  'receipt',
  'decision',
  'verification',
  'report',
  'conclusion',
  'discipline',
  'notification',
  'appeal',
  'appeal_outcome',
  'closure',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  plan: 'Kế hoạch',
  receipt: 'Tiếp nhận đơn',
  decision: 'Quyết định và đoàn kiểm tra',
  verification: 'Thẩm tra, xác minh',
  report: 'Báo cáo kết quả',
  conclusion: 'Kết luận',
  discipline: 'Quyết định kỷ luật',
  notification: 'Thông báo',
  appeal: 'Khiếu nại kỷ luật',
  appeal_outcome: 'Kết quả giải quyết khiếu nại',
  closure: 'Kết thúc',
};

/** Where each stage stands in a case's way; a case only ever moves forward. */
export const STAGE_ORDER: Record<Stage, number> = {
  plan: 0,
  receipt: 0,
  decision: 1,
  verification: 2,
  report: 3,
  conclusion: 4,
  discipline: 5,
  notification: 6,
  appeal: 7,
  appeal_outcome: 8,
  closure: 9,
};

/** Days given for what follows a stage when no due date is typed. */
export const DEFAULT_DUE_DAYS: Partial<Record<Stage, number>> = {
  plan: 30,
  receipt: 10,
  decision: 45,
  verification: 15,
  report: 10,
  conclusion: 15,
  discipline: 10,
  appeal: 30,
  notification: 15,
  appeal_outcome: 10,
};

/** A denunciation is resolved within this many days of receipt unless the deadline is set. */
export const DENUNCIATION_DAYS = 90;

export const DENUNCIATION_SOURCES = ['letter', 'mailbox', 'forwarded', 'in_person', 'media'] as const;
export type DenunciationSource = (typeof DENUNCIATION_SOURCES)[number];
export const DENUNCIATION_SOURCE_LABELS: Record<DenunciationSource, string> = {
  letter: 'Đơn thư gửi qua bưu điện',
  mailbox: 'Hòm thư góp ý',
  forwarded: 'Cơ quan khác chuyển đến',
  in_person: 'Trực tiếp đến trình bày',
  media: 'Báo chí, phương tiện truyền thông',
};

export const APPEAL_OUTCOMES = ['upheld', 'changed', 'annulled'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = {
  upheld: 'Giữ nguyên hình thức kỷ luật',
  changed: 'Thay đổi hình thức kỷ luật',
  annulled: 'Xóa bỏ quyết định kỷ luật',
};

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { open: 'Đang thực hiện', closed: 'Đã kết thúc' };

export const DOCUMENT_ROLES = ['decision', 'report', 'letter', 'conclusion', 'other'] as const;
export type CaseDocumentRole = (typeof DOCUMENT_ROLES)[number];
export const DOCUMENT_ROLE_LABELS: Record<CaseDocumentRole, string> = {
  decision: 'Quyết định',
  report: 'Báo cáo',
  letter: 'Đơn thư',
  conclusion: 'Kết luận, thông báo',
  other: 'Tài liệu khác',
};

export const ACCESS_ROLES = ['handler', 'reader'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];
export const ACCESS_ROLE_LABELS: Record<AccessRole, string> = {
  handler: 'Người giải quyết',
  reader: 'Được xem',
};

export const CASE_ACTIONS = ['record', 'edit', 'link', 'grant'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The stages that may come next after those already recorded, in order. */
export function nextStages(kind: CaseKind, done: readonly Stage[], violation: boolean | null): Stage[] {
  const last = Math.max(...done.map((s) => STAGE_ORDER[s]));
  const has = (s: Stage) => done.includes(s);
  return STAGES.filter((s) => {
    if (STAGE_ORDER[s] <= last || s === 'plan' || s === 'receipt') return false;
    return requirementOf(kind, s, has, violation) === null;
  });
}

export type StageRefusal = 'out_of_order' | 'report_required' | 'no_violation' | 'appeal_outcome_required';

/** Why `stage` cannot follow the stages recorded, or null when it may. */
export function requirementOf(
  _kind: CaseKind,
  stage: Stage,
  has: (s: Stage) => boolean,
  violation: boolean | null,
): StageRefusal | null {
  switch (stage) {
    case 'plan':
    case 'receipt':
      return 'out_of_order';
    case 'decision':
      return null;
    case 'verification':
    case 'report':
      return has('decision') ? null : 'out_of_order';
    case 'conclusion':
      return has('report') ? null : 'report_required';
    case 'discipline':
      if (!has('conclusion')) return 'out_of_order';
      return violation ? null : 'no_violation';
    case 'notification':
      return has('conclusion') ? null : 'out_of_order';
    case 'appeal':
      return has('discipline') ? null : 'out_of_order';
    case 'appeal_outcome':
      return has('appeal') ? null : 'out_of_order';
    case 'closure':
      if (!has('conclusion')) return 'out_of_order';
      return has('appeal') && !has('appeal_outcome') ? 'appeal_outcome_required' : null;
    default:
      return 'out_of_order';
  }
}

/**
 * The most characters each text of a case and of the annual programme may hold:
 * common/schemas/inspection.ts refuses more, and the forms stop the typing there.
 */
export const INSPECTION_LIMITS = {
  /** A case's title, and a programme item's. */
  title: 500,
  programmeTitle: 300,
  summary: 4000,
  /** A stage's note. */
  note: 4000,
  /** The number of the decision, conclusion or letter a stage records. */
  documentNumber: 60,
  /** A subject's name when not in the directory, a denouncer's, an appellant's. */
  name: 200,
  /** A subject's position. */
  position: 300,
  /** The body that decides a discipline. */
  decidingBody: 200,
  /** A denouncer's address and phone, as the letter gives them. */
  address: 300,
  phone: 40,
} as const;
