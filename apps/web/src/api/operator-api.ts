import type { AdminInstitution, AdminInstitutionCreated, AdminInstitutionList, MigrationProblemPage, MigrationRun, MigrationRunList } from '@badges/api-contracts/types';

import { apiJson } from './client';

/**
 * The province operator's calls (/admin/institutions). Unlike the console's, they carry the
 * operator token in the Authorization header themselves: no cookie holds it (decision 0032).
 */
const asOperator = (adminToken: string) => ({ authorization: `Bearer ${adminToken}` });
const institution = (id: string) => `/admin/institutions/${encodeURIComponent(id)}`;

export type OperatorInstitution = AdminInstitutionList['institutions'][number];

export const listInstitutions = async (adminToken: string) => (await apiJson<AdminInstitutionList>('/admin/institutions', { headers: asOperator(adminToken) })).institutions;
export const createInstitution = (adminToken: string, name: string) => apiJson<AdminInstitutionCreated>('/admin/institutions', { method: 'POST', headers: asOperator(adminToken), body: { name } });
export const renameInstitution = (adminToken: string, id: string, name: string) => apiJson<AdminInstitution>(institution(id), { method: 'PATCH', headers: asOperator(adminToken), body: { name } });
export const suspendInstitution = (adminToken: string, id: string, reason: string) =>
  apiJson<AdminInstitution>(`${institution(id)}/suspend`, { method: 'POST', headers: asOperator(adminToken), body: reason.trim() ? { reason: reason.trim() } : {} });
export const reactivateInstitution = (adminToken: string, id: string) => apiJson<AdminInstitution>(`${institution(id)}/reactivate`, { method: 'POST', headers: asOperator(adminToken), body: {} });

/** The console's Badgr migrations (decision 0045): the platform reads Badgr itself; the password goes in this one request. */
export interface BadgrMigrationForm {
  url: string;
  username: string;
  password: string;
  dryRun: boolean;
  overwrite: boolean;
  since: string | null;
}
export const startBadgrMigration = (adminToken: string, id: string, form: BadgrMigrationForm) =>
  apiJson<MigrationRun>(`${institution(id)}/migrations/badgr`, { method: 'POST', headers: asOperator(adminToken), body: form });
export const listMigrationRuns = async (adminToken: string, id: string) => (await apiJson<MigrationRunList>(`${institution(id)}/migrations`, { headers: asOperator(adminToken) })).runs;
export const migrationProblems = (adminToken: string, id: string, runId: string, page: number, perPage: number) =>
  apiJson<MigrationProblemPage>(`${institution(id)}/migrations/${encodeURIComponent(runId)}/problems?page=${page}&perPage=${perPage}`, { headers: asOperator(adminToken) });
