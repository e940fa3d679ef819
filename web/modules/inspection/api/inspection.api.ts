import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedId } from '../../../../common/schemas/http';
import type {
  CaseCreate,
  CaseList,
  CaseView,
  InspectionOptions,
  InspectionReport,
  ProgrammeItemInput,
  ProgrammeView,
  StageInput,
} from '../../../../common/schemas/inspection';
import { api, type QueryParams } from '../../../app/api/client';

const root = ['inspection'] as const;
export const inspectionKeys = {
  root,
  list: (q: QueryParams) => [...root, 'list', q] as const,
  case: (id: string) => [...root, 'case', id] as const,
  programme: (year: number) => [...root, 'programme', year] as const,
  report: (year: number) => [...root, 'report', year] as const,
  options: [...root, 'options'] as const,
};

export const useCases = (query: QueryParams) =>
  useQuery({
    queryKey: inspectionKeys.list(query),
    queryFn: ({ signal }) => api.get<CaseList>('/api/inspection/cases', { query, signal }),
    placeholderData: keepPreviousData,
  });

export const useCase = (id: string) =>
  useQuery({
    queryKey: inspectionKeys.case(id),
    queryFn: ({ signal }) => api.get<CaseView>(`/api/inspection/cases/${encodeURIComponent(id)}`, { signal }),
  });

export const useInspectionOptions = () =>
  useQuery({
    queryKey: inspectionKeys.options,
    queryFn: ({ signal }) => api.get<InspectionOptions>('/api/inspection/options', { signal }),
    staleTime: 60_000,
  });

export const useProgramme = (year: number) =>
  useQuery({
    queryKey: inspectionKeys.programme(year),
    queryFn: ({ signal }) => api.get<ProgrammeView>('/api/inspection/programme', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });

export const useInspectionReport = (year: number) =>
  useQuery({
    queryKey: inspectionKeys.report(year),
    queryFn: ({ signal }) => api.get<InspectionReport>('/api/inspection/reports', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });

/** Every change touches lists, the case, the programme and the figures: all are fetched again. */
function useInspectionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: root }) });
}

export const useCreateCase = () =>
  useInspectionMutation((body: CaseCreate) => api.post<CreatedId>('/api/inspection/cases', body));

export const useRecordStage = (id: string) =>
  useInspectionMutation((body: StageInput) =>
    api.post<null>(`/api/inspection/cases/${encodeURIComponent(id)}/stages`, body),
  );

export const useLinkDocument = (id: string) =>
  useInspectionMutation((body: { documentId: string; role: string }) =>
    api.post<null>(`/api/inspection/cases/${encodeURIComponent(id)}/documents`, body),
  );

export const useGrantAccess = (id: string) =>
  useInspectionMutation((body: { userId: string; role: string }) =>
    api.post<null>(`/api/inspection/cases/${encodeURIComponent(id)}/access`, body),
  );

export const useRevokeAccess = (id: string) =>
  useInspectionMutation((userId: string) =>
    api.delete<null>(`/api/inspection/cases/${encodeURIComponent(id)}/access/${encodeURIComponent(userId)}`),
  );

export const useCreateProgramme = () =>
  useInspectionMutation((body: { organizationId: string; year: number; title: string }) =>
    api.post<CreatedId>('/api/inspection/programmes', body),
  );

export const useAddProgrammeItem = (programmeId: string) =>
  useInspectionMutation((body: ProgrammeItemInput) =>
    api.post<CreatedId>(`/api/inspection/programmes/${encodeURIComponent(programmeId)}/items`, body),
  );

/** People and organizations of the directory, for choosing a case's subjects. */
export const useDirectorySearch = (kind: 'people' | 'organizations', q: string) =>
  useQuery({
    queryKey: ['inspection-directory', kind, q],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; fullName?: string; name?: string; position?: string | null }[] }>(`/api/${kind}`, {
        query: { q, pageSize: 20 },
        signal,
      }),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });
