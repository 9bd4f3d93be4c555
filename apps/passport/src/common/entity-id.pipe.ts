import { Injectable, type PipeTransform } from '@nestjs/common';

import { isEntityId } from '@badges/persistence';
import { ApiError } from '@badges/service-kit';

/** A path id that could never be one of ours is a 404 before any query runs. */
@Injectable()
export class EntityIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !isEntityId(value)) throw ApiError.notFound('entity');
    return value;
  }
}
