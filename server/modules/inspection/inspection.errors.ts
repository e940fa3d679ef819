import {
  DISCIPLINE_FORM_LABELS,
  type DisciplineForm,
  STAGE_LABELS,
  type Stage,
  SUBJECT_TYPE_LABELS,
  type SubjectType,
} from '../../../common/inspection';
import { conflict, DomainError, invalid, notFound } from '../../platform/http/errors';

export const caseNotFound = () => notFound('inspection.not_found', 'Không tìm thấy vụ việc kiểm tra, giám sát này.');
export const outsideCommission = () =>
  new DomainError(
    'forbidden',
    'inspection.forbidden',
    'Hồ sơ kiểm tra, giám sát là tài liệu mật: chỉ Ủy ban Kiểm tra và người được giao mới được xem và xử lý.',
  );
export const notHandler = () =>
  new DomainError(
    'forbidden',
    'inspection.not_handler',
    'Chỉ người giải quyết vụ việc (người lập, thành viên đoàn, người được giao) mới được ghi nhận các bước.',
  );
export const unknownOrganization = () =>
  invalid('inspection.unknown_organization', 'Tổ chức đã chọn không có trong danh bạ.');
export const unknownPerson = () => invalid('inspection.unknown_person', 'Đảng viên đã chọn không có trong danh bạ.');
export const subjectIncomplete = () =>
  invalid(
    'inspection.subject_incomplete',
    'Mỗi đối tượng phải là một đảng viên hay tổ chức đảng trong danh bạ, hoặc ghi rõ họ tên, tên tổ chức.',
  );
export const unknownSubject = () =>
  invalid('inspection.unknown_subject', 'Quyết định kỷ luật nêu một đối tượng không thuộc vụ việc này.');
export const formNotAllowed = (form: DisciplineForm, type: SubjectType) =>
  invalid(
    'inspection.form_not_allowed',
    `Không thể áp dụng hình thức "${DISCIPLINE_FORM_LABELS[form]}" đối với ${SUBJECT_TYPE_LABELS[type].toLowerCase()} theo Điều lệ Đảng.`,
    { form, subjectType: type },
  );
export const disciplinesRequired = () =>
  invalid('inspection.disciplines_required', 'Hãy ghi hình thức kỷ luật, cấp quyết định cho ít nhất một đối tượng.');
export const violationRequired = () =>
  invalid('inspection.violation_required', 'Kết luận phải ghi rõ có hay không có vi phạm.');
export const outcomeRequired = () =>
  invalid('inspection.outcome_required', 'Hãy ghi kết quả giải quyết khiếu nại kỷ luật.');
export const sourceRequired = () =>
  invalid('inspection.source_required', 'Đơn tố cáo, khiếu nại phải ghi nguồn tiếp nhận.');
export const stageOutOfOrder = (stage: Stage) =>
  conflict(
    'inspection.stage_out_of_order',
    `Chưa thể ghi nhận bước "${STAGE_LABELS[stage]}": các bước phải thực hiện theo thứ tự quy định.`,
    { stage },
  );
export const reportRequired = () =>
  conflict('inspection.report_required', 'Chưa có báo cáo kết quả kiểm tra thì chưa thể kết luận.');
export const noViolation = () =>
  conflict('inspection.no_violation', 'Kết luận không có vi phạm nên không thể quyết định kỷ luật.');
export const appealOutcomeRequired = () =>
  conflict(
    'inspection.appeal_outcome_required',
    'Khiếu nại kỷ luật chưa được giải quyết nên chưa thể kết thúc vụ việc.',
  );
export const caseClosed = () => conflict('inspection.closed', 'Vụ việc đã kết thúc; không thể ghi thêm bước.');
export const dateBeforePrevious = () =>
  invalid('inspection.date_before_previous', 'Ngày của bước này không được trước ngày của bước trước.');
export const dueBeforeDate = () => invalid('inspection.due_before_date', 'Hạn phải sau ngày thực hiện bước.');
export const unknownOfficer = () =>
  invalid('inspection.unknown_officer', 'Thành viên đoàn phải là cán bộ Ủy ban Kiểm tra có tài khoản đang hoạt động.');
export const unknownUser = () =>
  invalid('inspection.unknown_user', 'Tài khoản được giao không tồn tại hoặc đã bị khóa.');
export const documentNotReadable = () =>
  invalid('inspection.document_not_found', 'Không tìm thấy văn bản này, hoặc bạn không có quyền xem văn bản.');
export const documentLinked = () => conflict('inspection.document_linked', 'Văn bản này đã gắn với vụ việc.');
export const programmeExists = () =>
  conflict('inspection.programme_exists', 'Năm này đã có chương trình kiểm tra, giám sát. Hãy mở chương trình đã có.');
export const programmeNotFound = () =>
  notFound('inspection.programme_not_found', 'Không tìm thấy chương trình kiểm tra, giám sát.');
export const programmeItemNotFound = () =>
  invalid('inspection.programme_item_not_found', 'Nội dung chương trình đã chọn không có trong chương trình của năm.');
export const programmeItemTaken = () =>
  conflict('inspection.programme_item_taken', 'Nội dung chương trình này đã có vụ việc thực hiện.');
