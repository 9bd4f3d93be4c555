import { Injectable } from '@nestjs/common';

import { csvLine, freeText } from '@badges/service-kit';

import { BackpackRepository, type BadgeView } from '../backpack/backpack.repository';
import { toBackpackAssertionV2 } from '../backpack/backpack.dto';
import { CollectionsService } from '../collections/collections.service';
import type { LearnerScope } from '../common/learner-scope';
import { AccountsService } from '../accounts/accounts.service';
import { toUserV2 } from '../accounts/accounts.dto';
import { KeptCredentialsService, type KeptCredential } from '../credentials/kept-credentials.service';
import { AwardCopiesService } from './award-copies.service';
import { writeZip, type ZipEntry } from './zip-writer';

const CSV_HEADER = ['assertion_id', 'badge', 'issuer', 'issued_on', 'expires', 'status', 'revoked', 'revocation_reason', 'assertion_url', 'image_file', 'json_file', 'credential_file'];

/**
 * Everything in the passport as one zip: per badge the baked image and the OB 2.0 assertion JSON
 * (as the issuer served them when the badge was accepted, so they verify on their own) and, beside
 * them, its OB 3.0 credential as signed (`.credential.json`, or `.credential.jwt` for a VC-JWT), a CSV
 * summary, and the profile and collections as JSON. Declined badges are left out; revoked ones
 * stay, marked revoked (their files still verify, as revoked).
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly backpack: BackpackRepository,
    private readonly collections: CollectionsService,
    private readonly accounts: AccountsService,
    private readonly copies: AwardCopiesService,
    private readonly credentials: KeptCredentialsService,
  ) {}

  async zip(scope: LearnerScope): Promise<Buffer> {
    const views = (await this.backpack.list(scope)).filter((view) => view.badge.status !== 'declined');
    const entries: ZipEntry[] = [];
    const credentials = await this.credentials.of(views.map((view) => view.award));
    let csv = csvLine(CSV_HEADER);
    for (const view of views) {
      const { image, json } = await this.filesOf(view, entries);
      const credential = credentialFile(view.award.assertionId, credentials.get(view.award.assertionId), entries);
      const { award, badge, revocation } = view;
      csv += csvLine([
        award.assertionId, freeText(award.badgeClassName), freeText(award.issuerName), award.issuedOn.toISOString(), award.expires?.toISOString() ?? '',
        badge.status, revocation ? 'yes' : 'no', freeText(revocation?.reason ?? ''), freeText(award.assertionUrl), image, json, credential,
      ]);
    }
    const { learner, identifiers } = await this.accounts.profile(scope);
    entries.push({ name: 'summary.csv', data: Buffer.from(csv, 'utf8') });
    entries.push({ name: 'profile.json', data: json({ user: toUserV2(learner, identifiers), badges: views.map((view) => toBackpackAssertionV2(view)) }) });
    entries.push({ name: 'collections.json', data: json(await this.collections.list(scope)) });
    return writeZip(entries);
  }

  private async filesOf(view: BadgeView, entries: ZipEntry[]): Promise<{ image: string; json: string }> {
    const id = view.award.assertionId;
    const files = await this.copies.filesOf(view.award);
    const names = { image: '', json: '' };
    if (files.image) {
      names.image = `badges/${id}.${files.image.extension}`;
      entries.push({ name: names.image, data: files.image.content });
    }
    if (files.json) {
      names.json = `badges/${id}.json`;
      entries.push({ name: names.json, data: json(files.json) });
    }
    return names;
  }
}

/** The credential's file, its text exactly as signed (re-indenting a JSON credential would still verify, but it is kept byte for byte). */
function credentialFile(assertionId: string, credential: KeptCredential | undefined, entries: ZipEntry[]): string {
  if (!credential) return '';
  const name = `badges/${assertionId}.credential.${credential.format === 'jwt' ? 'jwt' : 'json'}`;
  entries.push({ name, data: Buffer.from(credential.text, 'utf8') });
  return name;
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}
