/** The one-time token of an emailed link: `#token=…`, in the fragment so no server or proxy logs it. */
export function linkToken(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}
