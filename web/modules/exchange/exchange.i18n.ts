import { PEER_LIMITS } from '../../../common/exchange';
import { PEERS_MENU_LABEL } from './exchange.menu';

/** The exchange's UI strings: the peer deployments an administrator keeps. */
export const exchangeVi = {
  peers: {
    title: PEERS_MENU_LABEL,
    intro:
      'Các máy chủ VanPhong của cơ quan khác mà văn bản được gửi, nhận trực tiếp. Mỗi máy chủ dùng chung một khóa bí mật với máy chủ này để ký và kiểm tra văn bản.',
    create: 'Thêm máy chủ liên thông',
    createTitle: 'Thêm máy chủ liên thông',
    editTitle: (name: string) => `Sửa máy chủ liên thông: ${name}`,
    empty: 'Chưa có máy chủ liên thông nào',
    edit: 'Sửa',
    colPeer: 'Máy chủ',
    colSecret: 'Văn bản mật',
    colStatus: 'Trạng thái',
    colOrganizations: 'Số cơ quan',
    secretApprovedTag: 'Được gửi văn bản mật',
    secretNotApproved: 'Không',
    active: 'Đang hoạt động',
    inactive: 'Đã ngừng',
    created: 'Đã thêm máy chủ liên thông',
    saved: 'Đã lưu máy chủ liên thông',
    stale: 'Máy chủ này vừa được người khác sửa. Đã tải lại bản mới nhất; hãy sửa lại.',
    field: {
      node: 'Tên định danh máy chủ',
      nodeHint: 'Tên máy chủ kia dùng để ký văn bản, do quản trị bên đó cho biết. Không sửa được sau khi thêm.',
      nodeRequired: 'Hãy nhập tên định danh máy chủ',
      nodeRule: 'Chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới; bắt đầu bằng chữ hoặc số',
      nodePlaceholder: 'Ví dụ tinhuy-hagiang',
      name: 'Tên hiển thị',
      nameRequired: 'Hãy nhập tên hiển thị',
      namePlaceholder: 'Ví dụ Tỉnh ủy Hà Giang',
      url: 'Địa chỉ liên thông',
      urlRequired: 'Hãy nhập địa chỉ liên thông',
      urlRule: 'Địa chỉ bắt đầu bằng https:// (http:// chỉ dùng cho chính máy này)',
      urlPlaceholder: 'https://vanphong.example.vn/api/exchange/peer',
      secret: 'Khóa bí mật dùng chung',
      secretRequired: 'Hãy nhập khóa bí mật dùng chung',
      secretRule: `Khóa bí mật dài từ ${PEER_LIMITS.secretMin} đến ${PEER_LIMITS.secretMax} ký tự`,
      secretSet: 'Đã đặt. Để trống để giữ khóa cũ; nhập khóa mới để thay.',
      secretNew: 'Hai bên phải nhập cùng một khóa.',
      secretApproved: 'Được phép gửi văn bản mật',
      secretApprovedWarning:
        'Chỉ bật khi đường truyền tới máy chủ này đã được cơ quan có thẩm quyền cho phép chuyển văn bản mật. Văn bản mật gửi qua máy chủ không được phép sẽ bị chặn.',
      active: 'Đang hoạt động',
      activeHint: 'Khi ngừng, không gửi văn bản tới các cơ quan nhận qua máy chủ này.',
    },
    deactivateTitle: (name: string) => `Ngừng liên thông với ${name}?`,
    deactivateBody:
      'Văn bản sẽ không được gửi tới các cơ quan nhận qua máy chủ này cho đến khi bật lại. Văn bản đã gửi không bị ảnh hưởng.',
    deactivateOk: 'Ngừng liên thông',
  },
};

export type ExchangeDictionary = typeof exchangeVi;
/** Read as `tx.peers.create`, like `t` for the app's own strings. */
export const tx: ExchangeDictionary = exchangeVi;
