import * as browserEntry from './types';

// The web app bundles this entry point: a value exported here would bring its module, and zod, along.
describe('the browser entry point', () => {
  it('exports types only', () => {
    expect(Object.keys(browserEntry)).toEqual([]);
  });
});
