import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces an unknown error with "Internal server error". Applied to
 * an event consumer (`@UseFilters(RethrowRpcErrorsFilter)`), it keeps the original error, so
 * the dead letter says what actually went wrong.
 */
@Catch()
export class RethrowRpcErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
