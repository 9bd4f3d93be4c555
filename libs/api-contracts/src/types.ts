// Browser entry point (`@badges/api-contracts/types`): the API's response shapes (and the
// items of request bodies a form edits), for the web app.
// Types only, so a bundle that imports them pulls in neither zod nor the request schemas.
export type { ApiError, ApiErrorCode, V2ErrorEnvelope, V2SuccessEnvelope } from './envelope';
export type { InstitutionV2 } from './institutions.contract';
export type { BadgrMigrationStartBody, MigrationOutcomeCounts, MigrationProblem, MigrationProblemPage, MigrationRecordKind, MigrationRun, MigrationRunList, MigrationRunStatus } from './migrations.contract';
export type { AdminApiClientCredentials, AdminInstitution, AdminInstitutionCounts, AdminInstitutionCreated, AdminInstitutionList, InstitutionStatus } from './admin.contract';
export type { AccessTokenScope, ApiClientCreateBody, ApiClientCredentialsV2, ApiClientScope, ApiClientV2 } from './api-clients.contract';
export type { CredentialProof, IssuerV2, IssuerStaffRole, IssuerStaffV2 } from './issuers.contract';
export type { IssuerRoleGrantV2, StaffInstitutionRole, StaffInviteBody, StaffLanguage, StaffMemberV2, StaffRolesBody, StaffSessionsRevokedV2, StaffStatus } from './staff.contract';
export type { Alignment, AlignmentV2, BadgeClassTranslation, BadgeClassTranslationV2, BadgeClassUpdateInput, BadgeClassV2, ExpirationDuration, OpenBadgesVersion, VerificationType } from './badge-classes.contract';
export type { AcceptanceStatus, AssertionV2, AwardStatus, RecipientType, RecipientV2 } from './assertions.contract';
export type { AwardCountsV2, AwardStatsV2, StatsBucket } from './stats.contract';
export type {
  EndorsementRequestV2,
  EndorsementRole,
  EndorsementTargetType,
  EndorsementTargetV2,
  EndorsementV2,
  EndorserLanguage,
  EndorserProfileV2,
  PublishedEndorserV2,
} from './endorsements.contract';
export type { SessionKind, StaffSession } from './web-session.contract';
export type { BadgeConnectAuthorizationQuery, BadgeConnectConsent, BadgeConnectRedirect, BadgeConnectScope, ConnectedApp } from './badge-connect.contract';
export type { OpenBadgesApiScope } from './open-badges-api.contract';
export type { AuditAction, AuditChanges, AuditEntryV2, AuditTargetType } from './audit.contract';
export type { SsoErrorCode, SsoRoleMapping, SsoSettingsBody, SsoSettingsV2 } from './sso.contract';
export type { EmailTemplateV2, PlaceholderName, TemplateKindName } from './email-templates.contract';
export type { EndorserProfileBody } from './endorsements.contract';
export type {
  AddedIdentifierV2,
  BackpackAssertionV2,
  BackpackEndorsement,
  BadgeStatus,
  BadgrAcceptance,
  CollectionV2,
  ConfirmedEmailV2,
  EmailV2,
  HeldCredentialV2,
  IdentifierV2,
  LearnerLanguage,
  ShareType,
  ShareV2,
  UserV2,
  VerifiedIdentifierV2,
} from './passport.contract';
export type { CreatedWebhookV2, EmailDeliveryStatus, EmailDeliveryV2, WebhookDeliveryStatus, WebhookDeliveryV2, WebhookEvent, WebhookV2 } from './notifications.contract';
export type { BulkAwardJobDetailV2, BulkAwardJobV2, BulkAwardProgress, BulkAwardRowError, BulkAwardStatus } from './bulk-awards.contract';
export type { BadgrCollectionOutcome, BadgrImportBody, BadgrImportCollectionV2, BadgrImportItemV2, BadgrImportOutcome, BadgrImportProgress, BadgrImportReason, BadgrImportStatus, BadgrImportV2 } from './badgr-imports.contract';
export type { MigrationItemProblem } from './migration-records.contract';
