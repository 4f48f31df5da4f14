import { z } from 'zod';
import { IsoDate, Slug } from './common.js';

/**
 * A per-case approval to publish some internal fields of one record. Whether the
 * approver exists, the date has passed and the fields are internal is checked
 * handbook-wide (it needs the config and "today").
 */
export const PublishSchema = z.strictObject({
  approved_by: Slug,
  approved_on: IsoDate,
  fields: z.array(z.string()).min(1, { error: 'name at least one field to publish' }),
});

export type Publish = z.infer<typeof PublishSchema>;
