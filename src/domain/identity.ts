/** Who is asking: always a person inside one tenant. Every read and write is scoped by it. */
export interface Caller {
  tenantId: string;
  userId: string;
  displayName: string;
}

/** A person as other features refer to them. */
export interface PersonRef {
  id: string;
  displayName: string;
}
