import { Injectable } from '@nestjs/common';

import { BackpackRepository, type BadgeView } from '../backpack/backpack.repository';
import { toBackpackAssertionV2 } from '../backpack/backpack.dto';
import { CollectionsService } from '../collections/collections.service';
import type { LearnerScope } from '../common/learner-scope';
import { AccountsService } from '../accounts/accounts.service';
import { toUserV2 } from '../accounts/accounts.dto';
import { csvRow } from './csv';
import { IssuerDocumentsClient } from './issuer-documents.client';
import { writeZip, type ZipEntry } from './zip-writer';

const CSV_HEADER = ['assertion_id', 'badge', 'issuer', 'issued_on', 'expires', 'status', 'revoked', 'revocation_reason', 'assertion_url', 'image_file', 'json_file'];

/**
 * Everything in the passport as one zip: per badge the baked image and the OB 2.0 assertion JSON
 * (both as the issuer serves them, so they verify on their own), a CSV summary, and the profile
 * and collections as JSON. Declined badges are left out; revoked ones are listed, with whatever
 * the issuer still serves for them.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly backpack: BackpackRepository,
    private readonly collections: CollectionsService,
    private readonly accounts: AccountsService,
    private readonly issuer: IssuerDocumentsClient,
  ) {}

  async zip(scope: LearnerScope): Promise<Buffer> {
    const views = (await this.backpack.list(scope)).filter((view) => view.badge.status !== 'declined');
    const entries: ZipEntry[] = [];
    let csv = csvRow(CSV_HEADER);
    for (const view of views) {
      const { image, json } = await this.filesOf(view, entries);
      const { award, badge, revocation } = view;
      csv += csvRow([
        award.assertionId, award.badgeClassName, award.issuerName, award.issuedOn.toISOString(), award.expires?.toISOString() ?? '',
        badge.status, revocation ? 'yes' : 'no', revocation?.reason ?? '', award.assertionUrl, image, json,
      ]);
    }
    const { learner, identifiers } = await this.accounts.profile(scope);
    entries.push({ name: 'summary.csv', data: Buffer.from(csv, 'utf8') });
    entries.push({ name: 'profile.json', data: json({ user: toUserV2(learner, identifiers), badges: views.map(toBackpackAssertionV2) }) });
    entries.push({ name: 'collections.json', data: json(await this.collections.list(scope)) });
    return writeZip(entries);
  }

  private async filesOf(view: BadgeView, entries: ZipEntry[]): Promise<{ image: string; json: string }> {
    const id = view.award.assertionId;
    const [image, document] = await Promise.all([this.issuer.bakedImage(id), this.issuer.assertionJson(id)]);
    const names = { image: '', json: '' };
    if (image.kind === 'ok') {
      names.image = `badges/${id}.${image.value.extension}`;
      entries.push({ name: names.image, data: image.value.content });
    }
    if (document.kind === 'ok') {
      names.json = `badges/${id}.json`;
      entries.push({ name: names.json, data: json(document.value) });
    }
    return names;
  }
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}
