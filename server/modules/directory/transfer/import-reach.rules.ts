import { ORGANIZATION_REACH_LABELS, ORGANIZATION_REACHES, type OrganizationReach } from '../../../../common/exchange';
import { foldVietnamese } from '../../../../common/text/fold';
import type { ReachProblem, ReachUsage } from '../directory.errors';
import * as errors from '../directory.errors';
import { reachProblems } from '../organizations/organizations.rules';
import type { OrganizationColumn } from './columns.rules';

const REACH_BY_NAME = new Map<string, OrganizationReach>();
for (const reach of ORGANIZATION_REACHES) {
  const label = ORGANIZATION_REACH_LABELS[reach];
  REACH_BY_NAME.set(reach, reach);
  REACH_BY_NAME.set(foldVietnamese(label), reach);
  REACH_BY_NAME.set(foldVietnamese(label.replace(/\(.*\)/, '')).trim(), reach);
}

/** The labels a file may use, for a row's error. */
export const REACH_CHOICES = ORGANIZATION_REACHES.map((r) => ORGANIZATION_REACH_LABELS[r]).join(', ');

/**
 * "Liên thông VanPhong", "lien thong vanphong", "Trục liên thông" and `peer` all name a reach;
 * empty is inside the deployment. Undefined: not a reach.
 */
export function reachFromText(text: string): OrganizationReach | undefined {
  const folded = foldVietnamese(text).replace(/\s+/g, ' ').trim();
  if (folded === '') return 'inside';
  return REACH_BY_NAME.get(folded) ?? REACH_BY_NAME.get(text.trim());
}

/** One problem of a row's reach, on the column that holds it. */
export interface ReachIssue {
  column: OrganizationColumn;
  message: string;
}

const COLUMN_OF: Record<ReachProblem, OrganizationColumn> = {
  outside_no_children: 'parentCode',
  outside_not_top_level: 'parentCode',
  outside_needs_national_id: 'nationalId',
  peer_not_found: 'peerNode',
  peer_only_for_peer_reach: 'peerNode',
};

/**
 * The problems of an organization as a row leaves it, by the rules the form has (one message
 * each, from the same errors), and, for one an import would turn outside, what it still holds.
 */
export function reachIssues(
  next: Parameters<typeof reachProblems>[0] & { name: string },
  usage: ReachUsage | null,
): ReachIssue[] {
  const issues = reachProblems(next).map((problem) => ({
    column: COLUMN_OF[problem],
    message: errors.reachRefused(problem).message,
  }));
  if (usage && errors.reachUsageReasons(usage).length > 0)
    issues.push({ column: 'reach', message: errors.reachInUse(next.name, usage).message });
  return issues;
}
