import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { ApiError } from '../errors/api-error';
import { ErrorCode } from '../errors/error-codes';
import { InternalHeader } from './internal-headers';
import { parseStaffRoles, staffMayOnIssuer, type IssuerAction, type StaffRoles } from './staff-roles';

/**
 * What a request may do on an issuer: `unrestricted` when no person's roles came with it (an API
 * client, whose scope the gateway enforced, or the platform's own call), else the person's roles.
 */
export type IssuerAccess = { kind: 'unrestricted' } | { kind: 'staff'; roles: StaffRoles };

/** The least role that allows each action, for the refusal's message. */
const ROLE_NEEDED: Record<IssuerAction, string> = {
  read: 'a role (owner, editor or staff)',
  award: 'the staff, editor or owner role',
  'edit-badge-classes': 'the editor or owner role',
  'manage-issuer': 'the owner role',
};

/**
 * The request's `x-badges-staff-roles` (InternalHeader.StaffRoles). A malformed value is refused
 * (403 `forbidden`): a service never guesses what a person may do.
 */
export function issuerAccessOf(request: FastifyRequest): IssuerAccess {
  const value = request.headers[InternalHeader.StaffRoles];
  if (value === undefined) return { kind: 'unrestricted' };
  const roles = typeof value === 'string' ? parseStaffRoles(value) : undefined;
  if (!roles) throw new ApiError(403, ErrorCode.Forbidden, `${InternalHeader.StaffRoles} is malformed, so nothing is allowed.`);
  return { kind: 'staff', roles };
}

/** The request's IssuerAccess, as a controller parameter. */
export const StaffIssuerAccess = createParamDecorator((_data: unknown, context: ExecutionContext): IssuerAccess => {
  return issuerAccessOf(context.switchToHttp().getRequest<FastifyRequest>());
});

/** 403 `forbidden`, naming the role needed, unless `access` allows `action` on the issuer `issuerId`. */
export function requireIssuerAction(access: IssuerAccess, issuerId: string, action: IssuerAction): void {
  if (access.kind === 'unrestricted' || staffMayOnIssuer(access.roles, issuerId, action)) return;
  throw new ApiError(403, ErrorCode.Forbidden, `This needs ${ROLE_NEEDED[action]} on issuer ${issuerId}, or the institution's admin role. Ask an admin of your institution.`);
}

/**
 * 403 `forbidden` unless `access` speaks for the whole institution (an admin, or no person's roles:
 * an API client bound by its scope): for what belongs to no issuer, such as answering an
 * endorsement request as the endorser. `what` completes "Only the institution's admins may …".
 */
export function requireInstitutionAdmin(access: IssuerAccess, what: string): void {
  if (access.kind === 'unrestricted' || access.roles.admin) return;
  throw new ApiError(403, ErrorCode.Forbidden, `Only the institution's admins may ${what}. Ask an admin of your institution.`);
}

/** Whether `access` may read the issuer: a person sees the issuers they have a role on (an admin, all). */
export function mayReadIssuer(access: IssuerAccess, issuerId: string): boolean {
  return access.kind === 'unrestricted' || staffMayOnIssuer(access.roles, issuerId, 'read');
}
