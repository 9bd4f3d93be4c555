import { z } from 'zod';

/** Body of PUT /internal/institutions/:id, sent by the gateway when an institution is created or renamed. */
export const InstitutionUpsertBodySchema = z.object({
  name: z.string().trim().min(1, { error: 'This field may not be blank.' }).max(1024),
});

export interface InstitutionDto {
  id: string;
  name: string;
}
