import { conflict, invalid, notFound } from '../../platform/http/errors';

export const mailboxNotFound = () =>
  notFound('mail.mailbox_not_found', 'Không tìm thấy hộp thư, hoặc bạn không được đọc hộp thư này.');
export const itemNotFound = () => notFound('mail.not_found', 'Không tìm thấy thư trong hộp thư này.');
export const folderNotFound = () => notFound('mail.folder_not_found', 'Không tìm thấy thư mục.');
export const folderExists = () => conflict('mail.folder_exists', 'Hộp thư đã có thư mục cùng tên.');
export const folderNotEmpty = () =>
  conflict('mail.folder_not_empty', 'Thư mục còn thư: hãy chuyển thư sang thư mục khác trước khi xóa.');
export const noRecipients = () => invalid('mail.no_recipients', 'Thư chưa có người nhận.');
export const unknownRecipient = (addresses: string[]) =>
  invalid('mail.unknown_recipient', `Không có hộp thư công vụ nào mang địa chỉ: ${addresses.join(', ')}.`, {
    addresses,
  });
export const unknownDirectoryRecipient = () =>
  invalid('mail.unknown_recipient', 'Có người, tổ chức hoặc nhóm nhận thư không còn trong danh bạ.');
export const noSubject = () => invalid('mail.no_subject', 'Thư cần có tiêu đề.');
export const tooLarge = (limitMb: number) =>
  invalid('mail.too_large', `Thư và tệp đính kèm vượt quá ${limitMb} MB cho phép.`, { limitMb });
export const notDraft = () => conflict('mail.not_draft', 'Thư đã được gửi, không sửa được nữa.');
export const trashOnly = () =>
  conflict('mail.not_in_trash', 'Chỉ xóa hẳn được thư đang ở Thùng rác; hãy chuyển thư vào Thùng rác trước.');
export const draftFolder = () =>
  invalid('mail.draft_folder', 'Thư nháp chỉ nằm trong thư mục Thư nháp; hãy gửi hoặc xóa thư nháp.');
export const noAttachments = () => invalid('mail.no_attachments', 'Thư không có tệp đính kèm để vào sổ văn bản đến.');
export const alreadyRegistered = (documentId: string) =>
  conflict('mail.already_registered', 'Thư này đã được vào sổ văn bản đến.', { documentId });
export const notOrganizationMailbox = () =>
  invalid(
    'mail.not_organization_mailbox',
    'Chỉ thư đến hộp thư của cơ quan, tổ chức mới được vào sổ văn bản đến của cơ quan.',
  );
