import type { SearchKind } from '../../../common/schemas/search';

export const tsearch = {
  label: 'Tìm kiếm văn bản, thư, cuộc họp, người, vụ việc',
  placeholder: 'Tìm văn bản, thư, cuộc họp, người…',
  open: 'Mở ô tìm kiếm',
  title: 'Tìm kiếm',
  hint: 'Gõ ít nhất 2 ký tự, có dấu hoặc không dấu.',
  none: (q: string) => `Không tìm thấy kết quả nào cho “${q}”.`,
  failed: 'Không tìm được. Hãy thử lại.',
  more: (shown: number, total: number) => `${shown} trong ${total.toLocaleString('vi-VN')} kết quả`,
  kinds: {
    documents: 'Văn bản',
    mail: 'Thư công vụ',
    meetings: 'Cuộc họp',
    people: 'Người',
    cases: 'Vụ việc kiểm tra, giám sát',
  } satisfies Record<SearchKind, string>,
};
