/** Who is asking: always a person inside one tenant. Every read and write is scoped by it. */
export interface Caller {
  tenantId: string;
  userId: string;
  displayName: string;
  /**
   * Their Teams user id (`29:…`) when the request came through the bot: what a card's
   * `refresh.userIds` takes. The tab never has it.
   */
  teamsId?: string;
  /**
   * Their Entra user principal name when their token carries it (the tab's): what Teams' chat deep
   * link takes, so their group mates' chat link needs no directory look-up.
   */
  principalName?: string;
}

/** A person as other features refer to them. */
export interface PersonRef {
  id: string;
  displayName: string;
}

/** The caller as a person others see: who saved, asked, answered or ticked something. */
export function callerAsPerson(caller: Caller): PersonRef {
  return { id: caller.userId, displayName: caller.displayName };
}

/**
 * Exactly a {@link PersonRef}, whatever else the object carried (a Graph user, a Teams account):
 * what is stored and shown about a person is their id and name, nothing more.
 */
export function personRef(person: PersonRef): PersonRef {
  return { id: person.id, displayName: person.displayName };
}
