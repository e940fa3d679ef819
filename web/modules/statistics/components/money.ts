/** Whole numbers with Vietnamese thousands separators: 1.234.567. */
export function formatNumber(value: number): string {
  return Math.round(value).toLocaleString('vi-VN');
}

/** An amount of money in dong: 1.234.567 đ. */
export function formatVnd(value: number): string {
  return `${formatNumber(value)} đ`;
}

/** For InputNumber: shows 1.234.567 while typing and reads it back as 1234567. */
export const vndInput = {
  formatter: (value: number | string | undefined) =>
    value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  // An emptied field must stay empty (not become 0 with the caret before it); InputNumber reads '' as no value.
  parser: (text: string | undefined): number => {
    const digits = (text ?? '').replace(/\D/g, '');
    return (digits === '' ? '' : Number(digits)) as number;
  },
};
