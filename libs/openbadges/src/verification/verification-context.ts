import type { ObClass } from '../validation/class-rules';
import type { ValidationMessage } from '../validation/messages';
import type { JsonNode } from '../validation/present-values';
import type { EndorsementCheck } from './report';
import type { FetchDocument, FetchedDocument } from './types';

export const DEFAULT_MAX_DOCUMENTS = 25;

/** Mutable state of one verification run, shared by the steps. */
export class VerificationContext {
  readonly messages: ValidationMessage[] = [];
  /** Graph nodes by id, in the order they were added (input first). */
  readonly nodes = new Map<string, JsonNode>();
  /** Class of each node as implied by the link it was reached through. */
  readonly classes = new Map<string, ObClass>();
  /** Fetched URL -> compacted node (undefined when the fetch failed), so nothing is fetched twice. */
  readonly fetched = new Map<string, JsonNode | undefined>();
  /** URL -> its signed (compact JWS) representation, for signed endorsements. */
  readonly signedForms = new Map<string, FetchedDocument | undefined>();
  openBadgesVersion = '2.0';
  /** Linked endorsements and how their checks went (filled while collecting, then by checkEndorsements). */
  readonly endorsements: EndorsementCheck[] = [];
  private blankNodeCounter = 0;

  constructor(
    readonly fetchDocument: FetchDocument,
    readonly maxDocuments: number = DEFAULT_MAX_DOCUMENTS,
  ) {}

  /** Every download so far counts against `maxDocuments`, whatever representation it asked for. */
  documentCount(): number {
    return this.fetched.size + this.signedForms.size;
  }

  report(message: ValidationMessage): void {
    this.messages.push(message);
  }

  nextBlankNodeId(): string {
    return `_:b${this.blankNodeCounter++}`;
  }

  addNode(node: JsonNode, cls: ObClass): void {
    const id = node.id as string;
    if (!this.nodes.has(id)) this.nodes.set(id, node);
    if (!this.classes.has(id)) this.classes.set(id, cls);
  }
}
