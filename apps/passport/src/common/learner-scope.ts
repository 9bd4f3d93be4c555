/**
 * Learner data is scoped the way institution data is (service-kit TenantScope): every repository
 * method that reads or writes a learner's rows takes a LearnerScope first, and the only way to get
 * one is from an authenticated session (LearnerAuthGuard), so a query that forgets whose passport
 * it reads does not compile.
 */
declare const learnerBrand: unique symbol;

export interface LearnerScope {
  readonly learnerId: string;
  readonly [learnerBrand]: true;
}

export function learnerScope(learnerId: string): LearnerScope {
  return Object.freeze({ learnerId }) as LearnerScope;
}
