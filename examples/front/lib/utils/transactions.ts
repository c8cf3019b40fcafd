// Stand-in for the Sequelize managed transaction helper: runs `fn` in one
// transaction, committed when it resolves and rolled back when it throws.

export interface Transaction {
  readonly id: number;
  afterCommit(fn: () => void): void;
}

let nextTransactionId = 1;

export async function withTransaction<T>(
  fn: (t: Transaction) => Promise<T>
): Promise<T> {
  const callbacks: (() => void)[] = [];
  const t: Transaction = {
    id: nextTransactionId++,
    afterCommit: (cb) => void callbacks.push(cb),
  };
  const result = await fn(t);
  for (const cb of callbacks) {
    cb();
  }
  return result;
}
