import { z } from 'zod';

import { entityId } from './payloads/common';

/** Who can act on an institution's data: one of its API clients, or a person on its staff. */
export const ACTOR_TYPES = ['client', 'staff'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/**
 * Who made a change (issue #16). Events carry it as this object; the gateway's internal header
 * `x-badges-actor` and the stored `createdBy` carry it as text, `client:<clientId>` or
 * `staff:<staffId>` (`formatActor` / `parseActor`). No actor means the platform itself acted,
 * or the change came from before actors were recorded.
 */
export const actorSchema = z.object({
  type: z.enum(ACTOR_TYPES),
  id: entityId,
});
export type Actor = z.output<typeof actorSchema>;

const ACTOR_TEXT = /^([a-z]+):(.*)$/s;

/** `client:<id>` or `staff:<id>`: the header's and the `createdBy` column's form. */
export function formatActor(actor: Actor): string {
  return `${actor.type}:${actor.id}`;
}

/** The actor a `formatActor` text names, or undefined when the text is not one. */
export function parseActor(text: string): Actor | undefined {
  const match = ACTOR_TEXT.exec(text);
  if (!match) return undefined;
  const parsed = actorSchema.safeParse({ type: match[1], id: match[2] });
  return parsed.success ? parsed.data : undefined;
}
