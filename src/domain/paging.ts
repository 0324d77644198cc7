/** One page of results and the opaque token that fetches the next one (absent on the last page). */
export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

/** How a caller asks for a page. */
export interface PageRequest {
  pageSize?: number;
  continuationToken?: string;
}
