// What the bench asked for and what it was told: every award by its key (the award's
// `recipientName`, unique per award, which the issuer stores on the assertion row), so the check
// can find each one in every place it must reach exactly once.
export class Ledger {
  /** key -> {key, email, institution, badgeClassId, source, outcome: acked|ambiguous|rejected, assertionId?, revoked, revokeOutcome?} */
  awards = new Map();
  bulkJobs = [];
  learners = [];
  /** Recent readable assertion ids (a ring), and share page paths. */
  readable = [];
  shares = [];
  #ring = 0;

  add(award) {
    this.awards.set(award.key, { revoked: false, ...award });
    return this.awards.get(award.key);
  }

  readableId(id) {
    if (this.readable.length < 20_000) this.readable.push(id);
    else this.readable[this.#ring++ % this.readable.length] = id;
  }

  randomReadable() {
    return this.readable[Math.floor(Math.random() * this.readable.length)];
  }
}
