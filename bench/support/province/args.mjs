// The province bench's command line: `--name value` or `--name=value`, and bare flags (`--chaos`).
// Defaults are the scenario of issue #20: 10 minutes, 50 institutions, bulk awards of 5,000 to
// 20,000 rows. Every figure a short run on a small machine needs to turn down is a flag.
const DEFAULTS = {
  minutes: 10,
  institutions: 50,
  // One bulk award per entry, started at evenly spaced times within the run.
  bulkRows: '5000,10000,20000',
  // Steady single awards: at most this many a second, and never more than reads allow (below).
  singlesPerSecond: 2,
  // At least this many public reads (and verifications) per single award before the next one.
  readsPerAward: 100,
  // One in this many single awards is revoked a little later.
  revokeEvery: 10,
  readers: 6,
  learners: 40,
  // One institution in this many subscribes a webhook endpoint (the first of them two endpoints).
  webhookEvery: 5,
  drainMinutes: 30,
  // The drain gives up once nothing new arrived anywhere for this long.
  stallSeconds: 120,
  scrapeSeconds: 5,
  chaos: false,
};

const toCamel = (flag) => flag.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

/** The options, from `argv` (process.argv.slice(2)); throws on an unknown flag. */
export function parseProvinceArgs(argv) {
  const options = { ...DEFAULTS };
  for (let index = 0; index < argv.length; index++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[index]);
    if (!match) throw new Error(`unexpected argument ${argv[index]} (flags: ${Object.keys(DEFAULTS).join(', ')})`);
    const name = toCamel(match[1]);
    if (!(name in DEFAULTS)) throw new Error(`unknown flag --${match[1]}`);
    if (typeof DEFAULTS[name] === 'boolean') {
      options[name] = match[2] === undefined ? true : match[2] !== 'false';
      continue;
    }
    const value = match[2] ?? argv[++index];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    options[name] = typeof DEFAULTS[name] === 'number' ? Number(value) : value;
    if (Number.isNaN(options[name])) throw new Error(`--${match[1]} must be a number`);
  }
  options.bulkRows = String(options.bulkRows).split(',').filter(Boolean).map(Number);
  return options;
}
