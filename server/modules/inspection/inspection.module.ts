import type { PlatformDeps } from '../../platform/deps';
import type { App } from '../../platform/http/http-server';
import { createAccessService } from './access.service';
import { createCaseAccess } from './case-access.service';
import { createCasesService } from './cases.service';
import type { CaseDocumentsPort } from './inspection.contract';
import { casePolicy, commissionPolicy } from './inspection.policy';
import { registerInspectionRoutes } from './inspection.routes';
import { createProgrammesService } from './programmes.service';
import { createReportsService } from './reports.service';
import { createStagesService } from './stages.service';

export const inspectionPolicies = [casePolicy, commissionPolicy];

/**
 * Party inspection, supervision and discipline: cases and their stages, the annual programme,
 * and the periodic statistics. Confidential: the Inspection Commission and those given a case.
 */
export function createInspectionModule(deps: PlatformDeps, documents: CaseDocumentsPort) {
  const core = createCaseAccess(deps, documents);
  const module = {
    cases: createCasesService(core),
    stages: createStagesService(core),
    access: createAccessService(core),
    programmes: createProgrammesService(core),
    reports: createReportsService(core),
  };
  return { ...module, register: (app: App) => registerInspectionRoutes(app, module) };
}

export type InspectionModule = Omit<ReturnType<typeof createInspectionModule>, 'register'>;
