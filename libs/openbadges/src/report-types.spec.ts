import * as browserEntry from './report-types';

// The web app bundles this entry point: a value exported here would bring the pipeline's modules along.
describe('the browser entry point', () => {
  it('exports types only', () => {
    expect(Object.keys(browserEntry)).toEqual([]);
  });
});
