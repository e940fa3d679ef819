import { Tag } from 'antd';
import { td } from '../directory.i18n';

/** Marks an organization outside the deployment wherever it is chosen or listed. */
export default function OutsideTag() {
  return (
    <Tag color="orange" variant="outlined" style={{ marginInline: 4, fontSize: 11, lineHeight: '16px' }}>
      {td.organizations.outsideTag}
    </Tag>
  );
}
