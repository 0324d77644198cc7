/**
 * The best state a tabu search has seen and how long it has gone without a better one. The search
 * changes its state in place; the best is copied only when a move leaves it (a move that does not
 * improve, from the best), so a run that keeps improving copies nothing.
 */
export class BestSeen<T> {
  private copy: T | undefined;
  /** Moves made since the best was last improved. */
  stall = 0;

  constructor(
    /** The best cost seen: the starting state's. */
    public cost: number,
    private readonly snapshot: () => T,
  ) {}

  /** Before a move changing the cost by `delta`: keeps the best when the move leaves it. */
  beforeMove(delta: number): void {
    if (!this.copy && delta >= 0) this.copy = this.snapshot();
  }

  /** After a move, at the state's new cost. */
  afterMove(cost: number): void {
    if (cost < this.cost) {
      this.cost = cost;
      this.copy = undefined;
      this.stall = 0;
    } else this.stall++;
  }

  /** The best state's copy, or undefined when the current state is the best. */
  get kept(): T | undefined {
    return this.copy;
  }
}
