import { z } from 'zod';
import { Slug, Text, withRole } from './common.js';

/** A username or group on the forge (GitHub, GitLab), without the `@`: `octocat`, `acme/handbook-team`. */
export const Handle = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?(?:\/[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?)*$/, {
    error: 'expected a forge username such as octocat, or a group such as acme/handbook-team, without the @',
  })
  .meta({ title: 'handle' });

/** Someone who owns pages, OKRs, key results or KPIs, or approves publishing. */
export const PersonSchema = z
  .strictObject({
    id: Slug.meta({ description: 'The id that `owner:` and `approvers` name: a slug, unique among people.' }),
    name: Text.meta({ description: 'The name shown on cards and pages.' }),
    handle: Handle.optional().meta({ description: 'Their username on the forge (GitHub or GitLab), without the @: `handbook codeowners` writes it as @handle, and pages link to the profile.' }),
  })
  .meta({ title: 'Person', description: 'Someone who owns pages, OKRs, key results or KPIs, or approves publishing.' });

export type Person = z.infer<typeof PersonSchema>;

/** The people file a config names with `people_file`: a list of people. */
export const PeopleFileSchema = z.array(PersonSchema).meta({ description: 'The people of the handbook, as `people:` in handbook.config.yaml would list them.' });

/** Who owns a record or page: a person's id. */
export const Owner = withRole(Slug.meta({ title: 'person id', description: 'The id of the person who owns this (one directly responsible individual), from `people` in handbook.config.yaml.' }), 'person');
