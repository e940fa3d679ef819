import type { OrganizationType } from '../../../../common/directory';
import { normalizeNationalId } from '../../../../common/directory';
import type { OrganizationReach } from '../../../../common/exchange';
import type { OrganizationWrite } from '../../../../common/schemas/directory';
import type { ReachWrite } from '../api/directory.api';

/** What the organization form holds. */
export interface OrganizationFormValues {
  name: string;
  code: string;
  abbreviation: string;
  type: OrganizationType;
  mailbox?: string | null;
  nationalId?: string | null;
  sortOrder?: number | null;
  parentId?: string | null;
  /** Absent when the form does not offer it (an organization created under another is inside). */
  reach?: OrganizationReach;
  peerId?: string | null;
}

/** The identifier as the server stores it: trimmed, upper case, null for none. */
export const nationalIdOf = (value: string | null | undefined): string | null => normalizeNationalId(value) ?? null;

/**
 * The request body for the form's values. `parentId` is the fixed parent of a new organization
 * (undefined: the form's own choice). An outside organization is at the top level and names its
 * peer only when reached through one.
 */
export function organizationBody(v: OrganizationFormValues, parentId?: string | null): OrganizationWrite & ReachWrite {
  const reach = v.reach ?? 'inside';
  const body: OrganizationWrite & ReachWrite = {
    parentId: reach === 'inside' ? (parentId === undefined ? (v.parentId ?? null) : parentId) : null,
    name: v.name.trim(),
    code: v.code.trim(),
    abbreviation: v.abbreviation.trim(),
    type: v.type,
    mailbox: v.mailbox?.trim() ? v.mailbox.trim() : null,
    nationalId: nationalIdOf(v.nationalId),
    sortOrder: v.sortOrder ?? 0,
  };
  if (v.reach !== undefined) {
    body.reach = reach;
    body.peerId = reach === 'peer' ? (v.peerId ?? null) : null;
  }
  return body;
}

/** The field the server's refusal is about, so its sentence shows under that field. */
export const ORGANIZATION_ERROR_FIELDS: Record<string, keyof OrganizationFormValues> = {
  'directory.organization_code_taken': 'code',
  'directory.national_id_invalid': 'nationalId',
  'directory.national_id_taken': 'nationalId',
  'directory.parent_not_found': 'parentId',
  'directory.organization_move_into_descendant': 'parentId',
  'directory.outside_not_top_level': 'reach',
  'directory.outside_no_children': 'reach',
  'directory.reach_in_use': 'reach',
  'directory.outside_needs_national_id': 'nationalId',
  'directory.peer_not_found': 'peerId',
  'directory.peer_only_for_peer_reach': 'peerId',
};
