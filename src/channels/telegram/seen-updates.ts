/**
 * Remembers recent update ids so an update Telegram delivers twice (a webhook retried after a timeout, polling
 * resumed after a crash) is handled once by this process. Bounded: the oldest ids are forgotten first. The core
 * dedupes again by message id in the store, which also covers several processes and restarts.
 */
export class SeenUpdates {
  private readonly ids = new Set<number>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time `updateId` is seen, false for a repeat. */
  firstTime(updateId: number): boolean {
    if (this.ids.has(updateId)) return false;
    this.ids.add(updateId);
    if (this.ids.size > this.capacity) {
      // Sets iterate in insertion order: the first entry is the oldest.
      const oldest = this.ids.values().next().value as number;
      this.ids.delete(oldest);
    }
    return true;
  }
}
