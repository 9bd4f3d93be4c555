import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { CorrelationId, InternalTokenGuard } from '@badges/service-kit';

import { readVerifyRequest } from './verify-request';
import { VerifyService, type VerifyResponse } from './verify.service';

/**
 * `POST /v2/verify` (design.md §3): public through the gateway (no token), answered with the
 * reference validator's `{report, graph, input}`. An invalid badge is a 200 with `valid: false`;
 * only a malformed request is a 4xx.
 */
@Controller('v2/verify')
@UseGuards(InternalTokenGuard)
export class VerifyController {
  constructor(private readonly verifier: VerifyService) {}

  @Post()
  @HttpCode(200)
  verify(@Req() request: FastifyRequest, @CorrelationId() correlationId: string): Promise<VerifyResponse> {
    const verifyRequest = readVerifyRequest(request.body, request.headers['content-type'] ?? '', request.query as Record<string, unknown>);
    return this.verifier.verify(verifyRequest, correlationId);
  }
}
