// Driver codes meaning "the server is not there right now", as opposed to a bad query:
// refused or dropped connections, and PostgreSQL's shutdown, startup and connection errors
// (classes 08 and 57P, and 53300, too many connections).
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const serverCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const driverMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|SQLITE_BUSY/;

/** Whether an error says the database cannot be reached now; such requests answer 503, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const { code, syscall } = current as { code?: unknown; syscall?: unknown };
    if (typeof code === 'string' && serverCodes.has(code)) return true;
    // A missing unix socket is ENOENT too; a missing file elsewhere is not an outage.
    if (typeof code === 'string' && networkCodes.has(code) && syscall === 'connect') return true;
    if (code === 'ECONNRESET' || driverMessages.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
