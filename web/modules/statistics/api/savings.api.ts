import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavingsReport, SavingsSettings } from '../../../../common/schemas/savings';
import { api } from '../../../app/api/client';

const root = ['savings'] as const;
export const savingsKeys = {
  root,
  report: (year: number) => [...root, 'report', year] as const,
};

export function useSavingsReport(year: number) {
  return useQuery({
    queryKey: savingsKeys.report(year),
    queryFn: ({ signal }) => api.get<SavingsReport>('/api/savings', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Administrators only; every report is counted again at the new prices. */
export function useSaveSavingsSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { costPerPage: number; costPerCopy: number; version: number }) =>
      api.put<SavingsSettings>('/api/savings/settings', body),
    onSettled: () => client.invalidateQueries({ queryKey: root }),
  });
}
