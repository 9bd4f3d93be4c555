// Jest sorts the tests of a run before it calls the global set-up: this is the one place that
// knows which tests will run, so it tells test/support/global-setup.js what they need built.
const Sequencer = require('@jest/test-sequencer').default;

const { buildNeedsOf } = require('./build-needs');

class BuildAwareSequencer extends Sequencer {
  sort(tests) {
    process.env.JEST_BUILD_NEEDS = buildNeedsOf(tests.map((test) => test.path));
    return super.sort(tests);
  }
}

module.exports = BuildAwareSequencer;
