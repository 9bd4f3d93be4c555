import { useCallback, useState } from 'react';

import type { SessionKind } from '@badges/api-contracts/types';

import { apiFetch } from './client';

/**
 * Which session this browser holds: a marker, not a secret. The token itself is in an HttpOnly
 * cookie the gateway set (POST /web/session/{kind}), which no script can read; apiFetch names the
 * session in the X-Badges-Session header and the gateway adds the token. Learners stay signed in
 * across visits (localStorage); staff only for this tab (sessionStorage).
 */
export type { SessionKind };

const MARKER_KEYS: Record<SessionKind, string> = { learner: 'passport.session', staff: 'console.session' };
/** Where earlier versions kept the bearer token itself: removed, so no script can find one. */
const LEGACY_TOKEN_KEYS: Record<SessionKind, string> = { learner: 'passport.token', staff: 'console.token' };

export function useSession(kind: SessionKind): [SessionKind | null, (signedIn: boolean) => void] {
  const [session, setSessionState] = useState<SessionKind | null>(() => {
    try {
      storageFor(kind).removeItem(LEGACY_TOKEN_KEYS[kind]);
    } catch {
      // storage disabled: nothing to clean
    }
    return holdsSession(kind) ? kind : null;
  });
  const setSession = useCallback(
    (signedIn: boolean) => {
      try {
        if (signedIn) storageFor(kind).setItem(MARKER_KEYS[kind], kind);
        else storageFor(kind).removeItem(MARKER_KEYS[kind]);
      } catch {
        // storage disabled: the marker lives in memory for this page only
      }
      setSessionState(signedIn ? kind : null);
    },
    [kind],
  );
  return [session, setSession];
}

/** Whether this browser holds a session of `kind` (its marker), for code outside the pages that track it. */
export function holdsSession(kind: SessionKind): boolean {
  try {
    return storageFor(kind).getItem(MARKER_KEYS[kind]) === kind;
  } catch {
    return false;
  }
}

function storageFor(kind: SessionKind): Storage {
  return kind === 'learner' ? localStorage : sessionStorage;
}

/** Signs in: the gateway checks the credentials, answers 204 and sets the HttpOnly cookie (no token in the body). */
export async function startSession(kind: SessionKind, credentials: Record<string, string>): Promise<void> {
  await apiFetch(`/web/session/${kind}`, { method: 'POST', token: kind, body: credentials });
}

/** Signs out: the gateway clears the cookie (and the passport revokes a learner's session). */
export async function endSession(kind: SessionKind): Promise<void> {
  await apiFetch(`/web/session/${kind}`, { method: 'DELETE', token: kind });
}
