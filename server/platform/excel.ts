export type ExcelModule = typeof import('exceljs');

/** exceljs is large (a third of a second to load) and only needed for imports and exports: load it on first use. */
export async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}
