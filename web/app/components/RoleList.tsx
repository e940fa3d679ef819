import { Flex, Tag } from 'antd';
import { ROLE_LABELS } from '../../../common/roles';
import type { RoleGrant } from '../../../common/schemas/auth';

/** Roles grouped by organization: "Văn phòng Huyện ủy — Văn thư, Chuyên viên". */
export default function RoleList({ roles, emptyText }: { roles: RoleGrant[]; emptyText: string }) {
  if (roles.length === 0) return <span className="vp-muted">{emptyText}</span>;
  const byOrganization = new Map<string, { name: string; roles: RoleGrant['role'][] }>();
  for (const grant of roles) {
    const entry = byOrganization.get(grant.organizationId) ?? { name: grant.organizationName, roles: [] };
    entry.roles.push(grant.role);
    byOrganization.set(grant.organizationId, entry);
  }
  return (
    <Flex vertical gap={8}>
      {[...byOrganization.entries()].map(([id, entry]) => (
        <div key={id}>
          <strong>{entry.name}</strong>
          <Flex wrap gap={6} style={{ marginTop: 4 }}>
            {entry.roles.map((role) => (
              <Tag key={role} color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
                {ROLE_LABELS[role]}
              </Tag>
            ))}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
