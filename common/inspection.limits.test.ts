import { describe } from 'vitest';
import { INSPECTION_LIMITS as I } from './inspection';
import { itKeepsLimits, type LimitCase } from './limits.testing';
import {
  caseCreateSchema,
  casePatchSchema,
  programmeCreateSchema,
  programmeItemSchemaIn,
  stageInputSchema,
} from './schemas/inspection';

const opened = {
  organizationId: 'c1',
  kind: 'denunciation',
  title: 'Giải quyết tố cáo đối với đồng chí Nguyễn Văn Bình',
  subjects: [{ type: 'full_member', name: 'Nguyễn Văn Bình', position: 'Bí thư chi bộ' }],
  openedOn: '2026-03-02',
  source: 'letter',
  denouncer: { name: 'Trần Thị Hoa', address: 'Xã Tân Lập', phone: '0912345678' },
};
const stage = {
  version: 1,
  stage: 'discipline',
  onDate: '2026-03-02',
  disciplines: [{ subjectId: 's1', form: 'warning', decidingBody: 'Ban Thường vụ Huyện ủy' }],
};

const cases: LimitCase[] = [
  ['case title', caseCreateSchema, opened, 'title', I.title],
  ['case title, changed', casePatchSchema, { version: 1 }, 'title', I.title],
  ['case summary', caseCreateSchema, opened, 'summary', I.summary],
  ['case document number', caseCreateSchema, opened, 'documentNumber', I.documentNumber],
  ["subject's name", caseCreateSchema, opened, 'subjects.0.name', I.name],
  ["subject's position", caseCreateSchema, opened, 'subjects.0.position', I.position],
  ["denouncer's name", caseCreateSchema, opened, 'denouncer.name', I.name],
  ["denouncer's address", caseCreateSchema, opened, 'denouncer.address', I.address],
  ["denouncer's phone", caseCreateSchema, opened, 'denouncer.phone', I.phone],
  ['stage document number', stageInputSchema, stage, 'documentNumber', I.documentNumber],
  ['stage note', stageInputSchema, stage, 'note', I.note],
  ['deciding body', stageInputSchema, stage, 'disciplines.0.decidingBody', I.decidingBody],
  ['appellant', stageInputSchema, stage, 'appellant', I.name],
  ['programme title', programmeCreateSchema, { organizationId: 'c1', year: 2026 }, 'title', I.programmeTitle],
  ['programme item title', programmeItemSchemaIn, { quarter: 2, kind: 'finance' }, 'title', I.title],
];

describe('the inspection forms stop where the schemas refuse', () => {
  itKeepsLimits(cases);
});
