import { Injectable } from '@nestjs/common';

import type { IssuerStaffRole, StaffLanguage } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import type { StaffRoles } from '@badges/service-kit';

import { GatewayPrismaService, type GatewayTx } from '../prisma/gateway-prisma.service';
import type { StaffSessionStatus } from './staff-status.cache';

/** A person as the password check needs them. */
export interface StaffCredentials {
  id: string;
  institutionId: string;
  passwordHash: string | null;
  status: string;
  institutionSuspended: boolean;
}

export interface NewStaffSession {
  staffId: string;
  institutionId: string;
  /** The OAuth2 scope string granted (`rw:issuer`, …). */
  scope: string;
  expiresAt: Date;
  refreshTokenHash: string;
}

/** A session whose refresh token was just rotated. */
export interface RotatedSession {
  sessionId: string;
  staffId: string;
  institutionId: string;
  scope: string;
}

export type RefreshOutcome =
  | { outcome: 'rotated'; session: RotatedSession }
  /** A rotated token sent again: the session has just been revoked (RFC 6819 §5.2.2.3). */
  | { outcome: 'reused'; sessionId: string }
  /** The session is live but its institution is suspended: nothing rotated, the token still works once reactivated. */
  | { outcome: 'suspended' }
  | { outcome: 'invalid' };

export const SESSION_END_REASONS = ['signed_out', 'removed', 'password_reset', 'revoked_by_admin', 'refresh_token_reused'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** The person's institution's status (CHECK institutions_status_check), read with what a sign-in or request checks. */
const INSTITUTION_STATUS = { institution: { select: { status: true } } } as const;

/** The columns roles are read from, with staffRolesOf. */
export const STAFF_ROLE_COLUMNS = { institutionRole: true, issuerRoles: { select: { issuerId: true, role: true }, orderBy: { issuerId: 'asc' } } } as const;

/** Rows leave the database here; the CHECK constraints on both columns make the casts safe. */
export function staffRolesOf(row: { institutionRole: string | null; issuerRoles: { issuerId: string; role: string }[] }): StaffRoles {
  return { admin: row.institutionRole === 'admin', issuers: row.issuerRoles.map((grant) => ({ issuerId: grant.issuerId, role: grant.role as IssuerStaffRole })) };
}

/**
 * The reads and writes a person's authentication needs: the password check, sessions and their
 * rotating refresh tokens, and the per-request status read (managing people is staff/).
 */
@Injectable()
export class StaffAccountsRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  async findForSignIn(email: string): Promise<StaffCredentials | null> {
    const person = await this.prisma.staffMember.findUnique({ where: { email }, select: { id: true, institutionId: true, passwordHash: true, status: true, ...INSTITUTION_STATUS } });
    if (!person) return null;
    const { institution, ...credentials } = person;
    return { ...credentials, institutionSuspended: institution.status === 'suspended' };
  }

  /**
   * Whether passwords are refused: an enabled SSO-only institution claims the address's domain,
   * or (when given) is the person's institution.
   */
  async ssoOnly(domain: string, institutionId?: string): Promise<boolean> {
    const where = { enabled: true, ssoOnly: true, OR: [{ domains: { some: { domain } } }, ...(institutionId ? [{ institutionId }] : [])] };
    return (await this.prisma.institutionSso.count({ where })) > 0;
  }

  /** A new session with its first refresh token; the sign-in is recorded. Returns the session's id. */
  async startSession(session: NewStaffSession, at: Date): Promise<string> {
    const id = newEntityId();
    await this.prisma.$transaction(async (tx) => {
      await tx.staffSession.create({
        data: { id, staffId: session.staffId, institutionId: session.institutionId, scope: session.scope, expiresAt: session.expiresAt, refreshTokens: { create: { tokenHash: session.refreshTokenHash } } },
      });
      await tx.staffMember.update({ where: { id: session.staffId }, data: { lastSignInAt: at } });
    });
    return id;
  }

  /**
   * Swaps a session's current refresh token (`tokenHash`) for a new one. `allow` sees the session's
   * scope first and may throw (a refresh asking for more than the sign-in got), changing nothing.
   * A token already rotated, or one two requests race to rotate, is a reuse: the session ends.
   */
  rotateRefreshToken(tokenHash: string, newTokenHash: string, at: Date, allow: (sessionScope: string) => void): Promise<RefreshOutcome> {
    return this.prisma.$transaction(async (tx): Promise<RefreshOutcome> => {
      const token = await tx.staffRefreshToken.findUnique({
        where: { tokenHash },
        select: { rotatedAt: true, session: { select: { id: true, staffId: true, institutionId: true, scope: true, expiresAt: true, revokedAt: true, staff: { select: { status: true, ...INSTITUTION_STATUS } } } } },
      });
      if (!token) return { outcome: 'invalid' };
      const { session } = token;
      if (session.revokedAt || session.expiresAt <= at || session.staff.status !== 'active') return { outcome: 'invalid' };
      if (token.rotatedAt) return this.endForReuse(tx, session.id, at);
      if (session.staff.institution.status === 'suspended') return { outcome: 'suspended' };
      allow(session.scope);
      const { count } = await tx.staffRefreshToken.updateMany({ where: { tokenHash, rotatedAt: null }, data: { rotatedAt: at } });
      if (count !== 1) return this.endForReuse(tx, session.id, at);
      await tx.staffRefreshToken.create({ data: { tokenHash: newTokenHash, sessionId: session.id } });
      return { outcome: 'rotated', session: { sessionId: session.id, staffId: session.staffId, institutionId: session.institutionId, scope: session.scope } };
    });
  }

  /** The session's person and their roles, when the session is live and the person active; else undefined (for good). */
  async sessionStatus(sessionId: string): Promise<StaffSessionStatus | undefined> {
    const session = await this.prisma.staffSession.findFirst({
      where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() }, staff: { status: 'active' } },
      select: { staffId: true, institutionId: true, staff: { select: { ...STAFF_ROLE_COLUMNS, ...INSTITUTION_STATUS, language: true } } },
    });
    if (!session) return undefined;
    return {
      staffId: session.staffId,
      institutionId: session.institutionId,
      roles: staffRolesOf(session.staff),
      // CHECK staff_members_language_check keeps it to STAFF_LANGUAGES.
      language: session.staff.language as StaffLanguage,
      institutionSuspended: session.staff.institution.status === 'suspended',
    };
  }

  /** Ends one session of the person (sign-out); false when it was not live. */
  async revokeSession(sessionId: string, staffId: string, reason: SessionEndReason, at: Date): Promise<boolean> {
    const { count } = await this.prisma.staffSession.updateMany({ where: { id: sessionId, staffId, revokedAt: null }, data: { revokedAt: at, revokedReason: reason } });
    return count === 1;
  }

  /** Ends every live session of the person; returns the ids ended. */
  async revokeSessionsOf(staffId: string, reason: SessionEndReason, at: Date, tx: GatewayTx = this.prisma): Promise<string[]> {
    const live = await tx.staffSession.findMany({ where: { staffId, revokedAt: null, expiresAt: { gt: at } }, select: { id: true } });
    await tx.staffSession.updateMany({ where: { id: { in: live.map((session) => session.id) }, revokedAt: null }, data: { revokedAt: at, revokedReason: reason } });
    return live.map((session) => session.id);
  }

  private async endForReuse(tx: GatewayTx, sessionId: string, at: Date): Promise<RefreshOutcome> {
    await tx.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: at, revokedReason: 'refresh_token_reused' } });
    return { outcome: 'reused', sessionId };
  }
}
