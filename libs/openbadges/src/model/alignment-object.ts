import type { JsonLdNode } from './common';

export interface AlignmentObject extends JsonLdNode {
  type?: 'AlignmentObject' | string;
  targetName: string;
  targetUrl: string;
  targetDescription?: string;
  targetFramework?: string;
  targetCode?: string;
}
