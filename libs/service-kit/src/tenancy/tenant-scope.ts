/**
 * Tenancy is part of the repository types (design.md §2): every repository method that touches
 * tenant data takes a TenantScope first. The brand means the only way to get one is
 * `tenantScope()`, called where an institution id enters a service (the gateway's
 * `x-institution-id` header in a controller, or the event or job that names its institution),
 * so a query without an institution does not compile.
 */
declare const tenantBrand: unique symbol;

export interface TenantScope {
  readonly institutionId: string;
  readonly [tenantBrand]: true;
}

export function tenantScope(institutionId: string): TenantScope {
  return Object.freeze({ institutionId }) as TenantScope;
}
