import type { FastifyRequest } from 'fastify';

import { ApiError } from '../errors/api-error';
import { InternalHeader } from './internal-headers';
import { actorOf } from './request-origin.decorator';

const requestWith = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as FastifyRequest;

describe('actorOf', () => {
  it('reads the gateway’s actor header as a typed actor', () => {
    expect(actorOf(requestWith({ [InternalHeader.Actor]: 'client:abc_DEF-1' }))).toEqual({ type: 'client', id: 'abc_DEF-1' });
    expect(actorOf(requestWith({ [InternalHeader.Actor]: 'staff:s1' }))).toEqual({ type: 'staff', id: 's1' });
  });

  it('is undefined when the header is absent (a direct internal call)', () => {
    expect(actorOf(requestWith({}))).toBeUndefined();
  });

  it.each([[''], ['client'], ['robot:abc'], ['client:a b'], [['client:a', 'client:b']]])('refuses %j with 400 validation_failed', (value) => {
    let thrown: unknown;
    try {
      actorOf(requestWith({ [InternalHeader.Actor]: value }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 400, code: 'validation_failed', field: InternalHeader.Actor });
  });
});
