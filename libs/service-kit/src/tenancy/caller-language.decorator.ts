import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { acceptedLanguages, chooseEdition } from '../http/page-language';
import { InternalHeader } from './internal-headers';

/**
 * The language, among `supported`, of the emails a request causes: a person's own (the gateway's
 * `x-badges-staff-language`, from their account), else the first that `Accept-Language` asks for
 * (an API client's integration, or the console signed in with a client, which sends its page's
 * language); undefined when neither says. Only chooses a language, so odd values are ignored.
 */
export function callerLanguageOf<Language extends string>(request: FastifyRequest, supported: readonly Language[]): Language | undefined {
  const own = request.headers[InternalHeader.StaffLanguage];
  if (typeof own === 'string' && (supported as readonly string[]).includes(own)) return own as Language;
  const asked = request.headers['accept-language'];
  return chooseEdition(supported, acceptedLanguages(typeof asked === 'string' ? asked : undefined)) as Language | undefined;
}

/** callerLanguageOf as a controller parameter: `@CallerLanguage(ENDORSER_LANGUAGES) language`. */
export const CallerLanguage = createParamDecorator((supported: readonly string[], context: ExecutionContext): string | undefined => {
  return callerLanguageOf(context.switchToHttp().getRequest<FastifyRequest>(), supported);
});
