import { PEER_LIMITS } from '../../../common/exchange';
import { conflict, invalid, notFound } from '../../platform/http/errors';

export const peerNotFound = () => notFound('exchange.peer_not_found', 'Không tìm thấy máy chủ liên thông.');
export const peerNodeTaken = (node: string, name: string) =>
  conflict('exchange.peer_node_taken', `Tên máy chủ “${node}” đã được dùng cho ${name}.`, { node });
export const peerUrlInvalid = () =>
  invalid(
    'exchange.peer_url_invalid',
    'Địa chỉ liên thông phải bắt đầu bằng https:// (chỉ dùng http:// cho máy chủ trên chính máy này: 127.0.0.1, ::1, localhost), không kèm tên đăng nhập hay mật khẩu.',
  );
export const peerSecretWeak = () =>
  invalid(
    'exchange.peer_secret_weak',
    `Khóa bí mật dùng chung phải có ít nhất ${PEER_LIMITS.secretMin} ký tự: chữ ký của văn bản liên thông chỉ mạnh bằng khóa này.`,
  );
