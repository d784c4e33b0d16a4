// Starts Learning Locker's statements service (npm xapi-statements, statements kept in memory)
// bound to 127.0.0.1 only. The service itself calls app.listen(port), which binds every
// interface, so this wrapper makes http servers listen on the loopback address before loading it.
// Environment: EXPRESS_PORT or LRS_PORT_FILE, AUTH_REPO (test | fetch), LL_CLIENT_INFO_ENDPOINT.
'use strict';
const http = require('http');
const os = require('os');
const path = require('path');
const fs = require('fs');

// With LRS_PORT_FILE set the service gets a free port (0) and its number is written there.
const portFile = process.env.LRS_PORT_FILE;
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    const port = portFile ? 0 : Number(args[0]);
    const cb = args.find((a) => typeof a === 'function');
    this.once('listening', () => {
      if (portFile) fs.writeFileSync(portFile, String(this.address().port));
    });
    return listen.call(this, port, '127.0.0.1', cb);
  }
  return listen.apply(this, args);
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'counterplay-lrs-'));
process.env.MODELS_REPO = process.env.MODELS_REPO || 'memory';
process.env.STORAGE_REPO = process.env.STORAGE_REPO || 'local';
process.env.EVENTS_REPO = process.env.EVENTS_REPO || 'test';
process.env.AUTH_REPO = process.env.AUTH_REPO || 'test';
process.env.FS_LOCAL_STORAGE_DIR = process.env.FS_LOCAL_STORAGE_DIR || path.join(work, 'storage');
process.env.EXPRESS_MORGAN_DIRECTORY = process.env.EXPRESS_MORGAN_DIRECTORY || path.join(work, 'logs');
process.env.WINSTON_CONSOLE_LEVEL = process.env.WINSTON_CONSOLE_LEVEL || 'warning';
process.env.NEW_RELIC_ENABLED = 'false';
process.env.NEW_RELIC_NO_CONFIG_FILE = 'true';
if (!process.env.EXPRESS_PORT && !portFile) {
  console.error('lrs-server.js: set EXPRESS_PORT or LRS_PORT_FILE');
  process.exit(2);
}
process.env.EXPRESS_PORT = process.env.EXPRESS_PORT || '8081';
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
require('xapi-statements/dist/server');
