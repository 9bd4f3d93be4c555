const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** Logs must never carry a learner's address: keep the first letter and the domain only. */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, '$1***@$2');
}
