import type { Person } from '../../schemas/people.js';

/** People by id, as the config lists them. */
export type People = ReadonlyMap<string, Person>;

/** People by id. */
export function peopleById(people: readonly Person[]): People {
  return new Map(people.map((p) => [p.id, p]));
}

/**
 * Who answers for a record: its own owner, else the owner of what holds it (a
 * key result's OKR, then its page), nearest first.
 */
export function responsible(people: People, ...owners: (string | undefined)[]): Person | undefined {
  const id = owners.find((o) => o !== undefined);
  return id === undefined ? undefined : people.get(id);
}

/** A person as a sentence names them: `Alice Smith (@alice)`. */
export function personText(person: Person): string {
  return person.handle === undefined ? person.name : `${person.name} (@${person.handle})`;
}
