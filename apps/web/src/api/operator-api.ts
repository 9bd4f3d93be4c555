import type { AdminInstitution, AdminInstitutionCreated, AdminInstitutionList } from '@badges/api-contracts/types';

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
