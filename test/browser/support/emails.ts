import type { BrowserPlatform } from './browser-platform';

/**
 * The first link matching `pattern` in an email to `address` the platform wrote (embedded mode:
 * DATA_DIR/outbox/*.eml), waiting for it to arrive. `skip` links already used are passed over.
 */
export async function emailedLink(platform: BrowserPlatform, address: string, pattern: RegExp, skip: readonly string[] = []): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const raw of platform.emails().reverse()) {
      // Quoted-printable soft line breaks and `=3D` undone.
      const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const link = pattern.exec(text)?.[0];
      if (link && !skip.includes(link) && text.includes(address)) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no email to ${address} with a link like ${pattern}`);
}

/** A learner's email confirmation link. */
export function confirmationLink(platform: BrowserPlatform, address: string, skip: readonly string[] = []): Promise<string> {
  return emailedLink(platform, address, /https?:\/\/\S+\/passport\/confirm-email\?token=[A-Za-z0-9_-]{20,}/, skip);
}
