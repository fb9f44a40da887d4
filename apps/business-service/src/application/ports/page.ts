/** Which page of a list: at most `limit` items after the position `cursor` names. */
export interface PageRequest {
  limit: number;
  /** `nextCursor` of the previous page, as the repository issued it. */
  cursor?: string;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** Present when there are more items; opaque to everyone but the repository that made it. */
  nextCursor?: string;
}
