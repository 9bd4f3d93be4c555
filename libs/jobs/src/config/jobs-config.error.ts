/** Thrown at boot for a bad jobs environment, so the process fails fast with a clear message. */
export class JobsConfigError extends Error {
  constructor(message: string) {
    super(`Invalid jobs configuration: ${message}`);
    this.name = 'JobsConfigError';
  }
}
