export { ApiError } from './errors/api-error';
export { ErrorCode } from './errors/error-codes';
export { errorBody, type ErrorBody } from './errors/error-body';
export { toErrorResponse } from './errors/to-error-response';
export { ApiExceptionFilter } from './errors/api-exception.filter';
export { createServiceApp, DEFAULT_BODY_LIMIT, type ServiceAppOptions } from './http/create-service-app';
export { createLogger } from './logging/json-logger';
export { flushTracing, otlpTracesUrl, startTracing } from './tracing/tracer-provider';
export { metricsRegistry } from './metrics/metrics-registry';
export { METRICS_PATH, type MetricsOptions } from './metrics/metrics-route';
export { UNMATCHED_ROUTE } from './metrics/http-metrics';
export { exportedMetricNames, metricSamples, metricValue, type MetricSample } from './metrics/metric-samples';
export { maskPersonalData } from './logging/mask-personal-data';
export { loadConfig, ConfigError } from './config/load-config';
export { serviceConfigLoader, serviceEnvSchema, type ServiceConfig, type ServiceEnv } from './config/service-env';
export { blankAsUnset, envFlag, internalServiceUrl, PasswordScryptLogNSchema, RedisUrlSchema, SecretsEncryptionKeySchema } from './config/env-fields';
export type { ServiceClient, ServiceRequest, ServiceResponse } from './transport/service-client';
export { HttpServiceClient } from './transport/http-service-client';
export { InProcessServiceClient } from './transport/in-process-service-client';
export { InternalHeader } from './tenancy/internal-headers';
export { InstitutionId } from './tenancy/tenant.decorator';
export { InternalTokenGuard } from './tenancy/internal-token.guard';
export { parseWith } from './validation/parse-with';
export type { EmbeddedContext, EmbeddedService, EmbeddedServiceModule } from './runtime/embedded-service';
export { CorrelationId } from './tenancy/correlation-id.decorator';
export { actorOf, RequestOrigin } from './tenancy/request-origin.decorator';
export { SecretSealer } from './crypto/secret-sealer';
export { tenantScope, type TenantScope } from './tenancy/tenant-scope';
export { openEventStream, streamProgress, type EventStream, type ProgressReading } from './http/event-stream';
export { databaseHealth } from './http/database-health';
export { jsonLdContentType, negotiate, prefersJose, type Representation } from './http/negotiate';
export { acceptedLanguages, chooseEdition } from './http/page-language';
export { IMAGE_CSP, PAGE_CSP, EMBEDDABLE_PAGE_CSP, policyForContentType } from './http/security-headers';
export { FrontDoor, type FrontDoorAnswer } from './http/front-door';
export { registeredRoutes, type RegisteredRoute } from './http/route-methods';
export { decodeKeysetCursor, encodeKeysetCursor, nextPagePath, type KeysetCursor } from './http/keyset-cursor';
export { MAX_BODY_JSON_DEPTH, MAX_FORM_FIELDS } from './http/body-parsers';
export { OPEN_BADGES_API_PREFIX, registerImsxErrors } from './http/imsx-errors';
export { csvCell, csvLine, freeText, neutraliseFormula, type CsvValue, type FreeText } from './csv/csv-writer';
export { CACHE_HITS_PATH, PublicCacheHeader, cacheTag, markPublicCacheable, markPublicCacheStale, type PublicCacheMark } from './http/public-cache-headers';
export { LOOP_SLICE_MS, LoopSlicer, mapInSlices } from './runtime/loop-slicer';
export { dummyPasswordHash, hashPassword, scryptCost, verifyPassword, type ScryptCost } from './crypto/password-hasher';
export { hashOpaqueToken, newOpaqueToken } from './crypto/opaque-token';
export {
  formatStaffRoles,
  hasAnyStaffRole,
  ISSUER_ACTIONS,
  NO_STAFF_ROLES,
  parseStaffRoles,
  staffMayOnIssuer,
  type IssuerAction,
  type IssuerRoleGrant,
  type StaffRoles,
} from './tenancy/staff-roles';
export { CallerLanguage, callerLanguageOf } from './tenancy/caller-language.decorator';
export { issuerAccessOf, mayReadIssuer, requireInstitutionAdmin, requireIssuerAction, StaffIssuerAccess, type IssuerAccess } from './tenancy/issuer-access';
