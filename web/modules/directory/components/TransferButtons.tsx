import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import type { TransferKind } from '../../../../common/schemas/directory-transfer';
import { exportUrl } from '../api/directory.api';
import { td } from '../directory.i18n';
import ImportDialog from './ImportDialog';

/** "Nhập từ tệp" for those who may edit, and "Xuất" (CSV or Excel) for everyone. */
export default function TransferButtons({ kind, canImport }: { kind: TransferKind; canImport: boolean }) {
  const [importing, setImporting] = useState(false);
  return (
    <>
      {canImport ? (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {td.transfer.import}
        </Button>
      ) : null}
      <Dropdown
        menu={{
          items: [
            {
              key: 'xlsx',
              label: (
                <a href={exportUrl(kind, 'xlsx')} download>
                  {td.transfer.exportXlsx}
                </a>
              ),
            },
            {
              key: 'csv',
              label: (
                <a href={exportUrl(kind, 'csv')} download>
                  {td.transfer.exportCsv}
                </a>
              ),
            },
          ],
        }}
      >
        <Button icon={<DownloadOutlined />}>{td.transfer.export}</Button>
      </Dropdown>
      {canImport ? <ImportDialog open={importing} initialKind={kind} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
