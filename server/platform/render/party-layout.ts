import { nfc, upper } from './document-text';

export interface PartyDocumentLayout {
  /** Upper line of the issuer block, e.g. 'ĐẢNG BỘ TỈNH HÀ GIANG'; optional. */
  parentIssuer?: string | null;
  /** e.g. 'HUYỆN ỦY ĐỒNG VĂN' (printed bold, upper case). */
  issuer: string;
  /** e.g. 'Số 05-GM/HU'; null prints 'Số' and room to write the number in by hand. */
  numberText: string | null;
  /** Place and date line: `${place}, ngày 25 tháng 11 năm 2026` (italic), from YYYY-MM-DD. */
  place: string;
  date: string;
  /** 'GIẤY MỜI', 'THÔNG BÁO', ... printed bold centred. */
  typeName: string;
  /** Summary line under the type name, e.g. 'Dự họp Ban Thường vụ Huyện ủy'; optional. */
  summary?: string | null;
  /** Marks printed under the number when present: e.g. 'MẬT', 'KHẨN'. */
  secrecyMark?: string | null;
  urgencyMark?: string | null;
  body: Block[];
  signer: { authority?: string | null /* 'T/M BAN THƯỜNG VỤ' */; position: string /* 'PHÓ BÍ THƯ' */; name: string };
  /** 'Nơi nhận:' list printed bottom left, each line starting with '- '. */
  recipients: string[];
}

export type Block =
  | {
      kind: 'paragraph';
      text: string;
      bold?: boolean;
      italic?: boolean;
      align?: 'left' | 'center' | 'justify';
      indent?: boolean;
    }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: string[]; widths?: number[]; rows: string[][] };

/** Margins of Hướng dẫn 36-HD/VPTW, in millimetres: 20 top and bottom, 30 at the binding edge, 15 on the right. */
export const PARTY_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export function partyDocumentTitle(layout: PartyDocumentLayout): string {
  const type = upper(layout.typeName);
  return layout.summary ? `${type} ${nfc(layout.summary)}` : type;
}

export function partyDocumentMarks(layout: PartyDocumentLayout): string[] {
  return [layout.secrecyMark, layout.urgencyMark].filter((m): m is string => Boolean(m?.trim())).map(upper);
}
