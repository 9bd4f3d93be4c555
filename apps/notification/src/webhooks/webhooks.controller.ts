import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';

import { successEnvelope, WebhookCreateBodySchema, type CreatedWebhookV2, type V2SuccessEnvelope, type WebhookDeliveryV2, type WebhookV2 } from '@badges/api-contracts';
import { InstitutionId, InternalTokenGuard, parseWith, tenantScope } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { toWebhookDeliveryV2, toWebhookV2 } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

@Controller('v2/webhooks')
@UseGuards(InternalTokenGuard)
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** 201 with the signing secret: the only time it is shown. */
  @Post()
  @HttpCode(201)
  async create(@InstitutionId() institutionId: string, @Body() body: unknown): Promise<V2SuccessEnvelope<CreatedWebhookV2>> {
    const { endpoint, secret } = await this.webhooks.create(tenantScope(institutionId), parseWith(WebhookCreateBodySchema, body));
    return successEnvelope({ ...toWebhookV2(endpoint), secret });
  }

  @Get()
  async list(@InstitutionId() institutionId: string): Promise<V2SuccessEnvelope<WebhookV2>> {
    return successEnvelope((await this.webhooks.list(tenantScope(institutionId))).map(toWebhookV2));
  }

  @Delete(':entityId')
  @HttpCode(204)
  async delete(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string): Promise<void> {
    await this.webhooks.delete(tenantScope(institutionId), id);
  }

  /** The endpoint's deliveries, newest first (at most 100). */
  @Get(':entityId/deliveries')
  async deliveries(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<WebhookDeliveryV2>> {
    return successEnvelope((await this.webhooks.deliveriesOf(tenantScope(institutionId), id)).map(toWebhookDeliveryV2));
  }

  /** 202: the delivery is queued again under the same id (receivers dedupe on Badges-Delivery). */
  @Post(':entityId/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  async redeliver(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Param('deliveryId', EntityIdPipe) deliveryId: string,
  ): Promise<V2SuccessEnvelope<WebhookDeliveryV2>> {
    return successEnvelope(toWebhookDeliveryV2(await this.webhooks.redeliver(tenantScope(institutionId), id, deliveryId)));
  }
}
