// Loaded with `node --import` into each server a browser test starts: when the test process goes away (even
// killed, with no chance to stop its servers), the server's stdin pipe closes and the server stops as on
// SIGTERM, instead of living on as an orphan holding a port and a database.
process.stdin.on('close', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
