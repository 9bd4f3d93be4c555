import { Injectable } from '@nestjs/common';

import { ApiError, ErrorCode, requireIssuerAction, type IssuerAccess, type TenantScope } from '@badges/service-kit';

import { DeliveryJobs, deliveryJobId } from '../jobs/delivery-jobs';
import { EmailDeliveriesRepository, type EmailDeliveryRecord } from './email-deliveries.repository';

@Injectable()
export class EmailsService {
  constructor(private readonly deliveries: EmailDeliveriesRepository, private readonly jobs: DeliveryJobs) {}

  list(scope: TenantScope, assertionId?: string): Promise<EmailDeliveryRecord[]> {
    return this.deliveries.list(scope, { assertionId });
  }

  async get(scope: TenantScope, id: string): Promise<EmailDeliveryRecord> {
    const delivery = await this.deliveries.findById(scope, id);
    if (!delivery) throw ApiError.notFound('email');
    return delivery;
  }

  /**
   * Sends a sent or failed email again, as a new job; 409 while it is still queued. A person needs
   * the role that awards on the assertion's issuer (resending is part of awarding); an email of no
   * known issuer (an endorsement's, or one from before issuers were recorded) matches no issuer
   * role, so only an institution admin may resend it. Checked after the tenancy lookup, so another
   * institution's email stays a 404.
   */
  async resend(scope: TenantScope, id: string, access: IssuerAccess = { kind: 'unrestricted' }): Promise<EmailDeliveryRecord> {
    const delivery = await this.get(scope, id);
    requireIssuerAction(access, delivery.issuerId ?? '', 'award');
    const requeued = await this.deliveries.requeue(scope, id, (resend) => deliveryJobId(id, resend));
    if (!requeued) throw new ApiError(409, ErrorCode.Conflict, 'This email is still queued; it can be resent once it was sent or failed.');
    await this.jobs.enqueueEmails([requeued]);
    return requeued;
  }
}
