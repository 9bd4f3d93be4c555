import { error, TaskCode } from '../../validation/messages';
import { isJsonNode } from '../../validation/present-values';
import { isUrl } from '../../validation/value-types';
import type { VerificationContext } from '../verification-context';
import { text } from '../../report-texts/message-text';

/**
 * IMAGE_VALIDATION (download part): a BadgeClass image is what every display and baker needs,
 * so a hosted one must actually be downloadable. Only the HTTP status is checked: the fetcher
 * returns text, and image format checks belong to the baking module.
 */
export async function checkBadgeImages(ctx: VerificationContext): Promise<void> {
  for (const [id, node] of ctx.nodes) {
    if (ctx.classes.get(id) !== 'BadgeClass') continue;
    const image = isJsonNode(node.image) ? node.image.id : node.image;
    if (!isUrl(image)) continue;
    let status: number;
    try {
      status = (await ctx.fetchDocument(image)).status;
    } catch {
      status = 0;
    }
    if (status < 200 || status >= 300) {
      ctx.report(error(TaskCode.IMAGE_VALIDATION, text('IMAGE_NOT_DOWNLOADABLE', { url: image, status }), id, 'image'));
    }
  }
}
