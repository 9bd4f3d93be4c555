import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { error, localizeResult, TaskCode, text, type ReportLanguage, type VerificationResult } from '@badges/openbadges';

import { DOCUMENT_FETCHER, VERIFICATION_CONFIG, VERIFICATION_EVENTS } from '../common/tokens';
import type { VerificationConfig } from '../config/verification.config';
import type { VerificationEvents } from '../events/verification-events';
import type { DocumentFetcher } from '../fetching/document-fetcher';
import { badgeEditionFor } from './badge-edition';
import { VerificationMemo } from './verification-memo';
import { verifyAnyBadge } from './verify-any';
import type { VerifyRequest } from './verify-request';

/** The answer: the reference validator's shape, plus the id the completed event carries. */
export type VerifyResponse = VerificationResult & { report: { verificationId: string } };

@Injectable()
export class VerifyService {
  private readonly logger = new Logger(VerifyService.name);
  private readonly memo: VerificationMemo;

  constructor(
    @Inject(DOCUMENT_FETCHER) private readonly fetcher: DocumentFetcher,
    @Inject(VERIFICATION_EVENTS) private readonly events: VerificationEvents,
    @Inject(VERIFICATION_CONFIG) private readonly config: VerificationConfig,
  ) {
    this.memo = new VerificationMemo(fetcher.fetch);
  }

  async verify(request: VerifyRequest, correlationId: string, lang: ReportLanguage = 'en'): Promise<VerifyResponse> {
    const verificationId = randomUUID().replace(/-/g, '');
    const result = await this.run(request, verificationId);
    const subjectUrl = typeof request.input === 'object' && 'url' in request.input && typeof request.input.url === 'string' ? request.input.url : undefined;
    this.events.completed(
      {
        verificationId,
        // Only a URL the caller gave us; never anything taken from the badge (it could name the recipient).
        subjectUrl: subjectUrl && subjectUrl.length <= 2048 && URL.canParse(subjectUrl) ? subjectUrl : undefined,
        valid: result.report.valid,
        errorCount: result.report.errorCount,
        warningCount: result.report.warningCount,
      },
      correlationId,
    );
    // Told in the reader's language after the memo: one remembered result serves every language.
    const told = localizeResult(result, lang);
    const badgeEdition = result.report.valid ? await badgeEditionFor(result, lang, this.fetcher.fetch) : undefined;
    return { ...told, report: { ...told.report, verificationId, ...(badgeEdition ? { badgeEdition } : {}) } };
  }

  /**
   * The verifiers (2.0 and OB 3.0) turn every bad input into report messages; a throw here is our bug, so it
   * is logged with the id and still answered as a report (the caller learns nothing internal).
   */
  private async run(request: VerifyRequest, verificationId: string): Promise<VerificationResult> {
    try {
      return await this.memo.verify(request, (fetchDocument) =>
        verifyAnyBadge(request.input, { fetchDocument, recipientProfile: request.recipientProfile, publicUrl: this.config.publicUrl }),
      );
    } catch (failure) {
      this.logger.error(`verification ${verificationId} failed unexpectedly: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}`);
      const message = error(TaskCode.REPORT_MESSAGE, text('INTERNAL_FAILURE', {}));
      return { report: { valid: false, errorCount: 1, warningCount: 0, messages: [message] }, graph: [], input: { input_type: 'unknown' } };
    }
  }
}
