/** How a repository is bound: to a unit of work's transaction, or to plain reads and single writes. */
export interface TypeOrmRepositoryOptions {
  /** True inside a unit of work: reads lock the rows they return until commit (`FOR UPDATE`). */
  lock: boolean;
}
