import { text, type MessageText } from '../../../report-texts/message-text';
import { decodeStatusList, StatusListError } from '../../issue/status-list';
import { MAX_STATUS_LIST_BYTES } from '../limits';

/** Every GZIP stream starts with 1f 8b 08, which base64 writes `H4sI`. */
const GZIP_BASE64 = 'H4sI';

export interface StatusBits {
  length: number;
  isSet(index: number): boolean;
}

/**
 * A status list's `encodedList`, decoded by the issuing side's decodeStatusList (one decoder: GZIP
 * inflated with zlib's own output cap, so a decompression bomb stops while inflating; index 0 the
 * left-most bit). StatusList2021 lists omit the multibase `u`: it is added back. Its refusals become
 * the report's sentences.
 */
export async function decodeStatusBits(encodedList: string, maxBytes = MAX_STATUS_LIST_BYTES): Promise<{ ok: true; bits: StatusBits } | { ok: false; problem: MessageText }> {
  const multibase = encodedList.startsWith(GZIP_BASE64) ? `u${encodedList}` : encodedList;
  try {
    return { ok: true, bits: await decodeStatusList(multibase, maxBytes * 8) };
  } catch (error) {
    if (!(error instanceof StatusListError)) throw error;
    return { ok: false, problem: error.code === 'status_list_too_large' ? text('VC_STATUS_LIST_TOO_LARGE', { limit: maxBytes }) : text('VC_STATUS_LIST_UNDECODABLE', {}) };
  }
}
