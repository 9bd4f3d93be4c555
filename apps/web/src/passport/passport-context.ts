import { useOutletContext } from 'react-router';

import type { PassportData } from './use-passport';

/** What every signed-in passport page gets from PassportLayout: the learner's data, loaded once. */
export interface PassportContext {
  token: string;
  data: PassportData;
  reload(): Promise<void>;
}

/** What a section of the passport needs to change something and show the change. */
export type SectionProps = Pick<PassportContext, 'token' | 'reload'>;

export function usePassportContext(): PassportContext {
  return useOutletContext<PassportContext>();
}
