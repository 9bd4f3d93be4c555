import { Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { CorrelationId, InternalTokenGuard } from '@badges/service-kit';

import { reportLanguage } from './report-language';
import { readVerifyRequest } from './verify-request';
import { VerifyService, type VerifyResponse } from './verify.service';

/**
 * `POST /v2/verify` (design.md §3): public through the gateway (no token), answered with the
 * reference validator's `{report, graph, input}`. An invalid badge is a 200 with `valid: false`;
 * only a malformed request is a 4xx. Its sentences are in the language `Accept-Language` asks for
 * (English or French; English otherwise), said in `Content-Language`.
 */
@Controller('v2/verify')
@UseGuards(InternalTokenGuard)
export class VerifyController {
  constructor(private readonly verifier: VerifyService) {}

  @Post()
  @HttpCode(200)
  verify(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CorrelationId() correlationId: string): Promise<VerifyResponse> {
    const verifyRequest = readVerifyRequest(request.body, request.headers['content-type'] ?? '', request.query as Record<string, unknown>);
    // The report's sentences are told in the caller's language; the verdict and codes never change with it.
    const lang = reportLanguage(request.headers['accept-language']);
    void reply.header('content-language', lang).header('vary', 'Accept-Language');
    return this.verifier.verify(verifyRequest, correlationId, lang);
  }
}
