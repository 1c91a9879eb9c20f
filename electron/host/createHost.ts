import { networkInterfaces } from 'node:os';
import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Network } from '../../shared/api/host';
import { openDatabase, repositories, StartupError } from '../database';
import { hostAuthenticator, isWeakAdminToken, minAdminTokenLength } from '../lan/auth';
import { hostAllowance } from '../lan/hostCheck';
import { createHandlers } from '../lan/handlers';
import { LiveHub } from '../lan/live';
import { lanAddresses } from '../lan/network';
import { buildServer } from '../lan/server';
import { redactingLogger, silentLogger } from '../logger';
import { createServices, type Services } from '../services';
import { watchAudit } from '../services/backup';
import { hostKey, newToken, tokenVault } from '../services/tokens';
import { lockDataDir } from './dataLock';
import { defaultPort, type Host, type HostOptions } from './types';
import { version } from './version';

export type { Host, HostOptions } from './types';

const loopback = '127.0.0.1';
/** Automatic backups while anything changed: at most five minutes of work to redo after a lost disk. */
const backupIntervalMs = 5 * 60_000;

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

/**
 * Opens the database and starts the LAN server. No Electron here: `serve.ts`,
 * the desktop shell and the tests all start the host the same way.
 */
export async function createHost(
  options: HostOptions,
): Promise<Host & { services: Services; hub: LiveHub; db: Database }> {
  const adminToken = options.adminToken ?? newToken();
  if (isWeakAdminToken(adminToken))
    throw new StartupError('host.weakAdminToken', { length: adminToken.length, min: minAdminTokenLength });
  const log = redactingLogger(options.log ?? silentLogger, () => [adminToken]);
  // One host per data folder: taken before the database is opened, given back when the host closes.
  const dataLock = lockDataDir(options.dataDir);
  let db: Database;
  try {
    db = openDatabase(options.dataDir);
  } catch (error) {
    dataLock.release();
    throw error;
  }
  const hub = new LiveHub();
  let lan = options.lan ?? false;
  let port = options.port ?? defaultPort;
  const repos = repositories(db);
  const services = createServices(repos, {
    ...(options.now ? { now: options.now } : {}),
    dataDir: options.dataDir,
    log,
    restored: () => hub.reconnectAll(),
    publish: (message) => hub.publish(message),
    place: () => ({ lan, port, addresses: lanAddresses(networkInterfaces()) }),
    vault: tokenVault(hostKey(options.dataDir)),
    closeJudgeSockets: (judgeId) => hub.closeJudge(judgeId),
  });
  // A lock, a reveal or an import is backed up as soon as its audit entry is written.
  watchAudit(repos, (entry) => services.backup.afterAudit(entry));
  let server: FastifyInstance | undefined;

  const networkIf = (open: boolean): Network => ({
    lan: open,
    port,
    lanUrls: open ? lanAddresses(networkInterfaces()).map((a) => `http://${a}:${port}/`) : [],
  });

  const listen = async (): Promise<void> => {
    const app = await buildServer({
      handlers: createHandlers(services, {
        version,
        dataDir: options.dataDir,
        network: () => networkIf(lan),
        networkIf,
        setLan,
      }),
      authenticate: hostAuthenticator(
        adminToken,
        (token) => services.contest.judgeByToken(token),
        (token) => services.training.deskByToken(token),
      ),
      hub,
      eventExists: (id) => services.events.exists(id),
      rendererDir: options.rendererDir,
      log,
      allowHost: hostAllowance({
        lanAddresses: () => lanAddresses(networkInterfaces()),
        venueAddress: () => services.join.venue().chosen,
      }),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    try {
      await app.listen({ host: lan ? '0.0.0.0' : loopback, port });
    } catch (error) {
      await app.close();
      if (isAddressInUse(error)) throw new StartupError('host.portInUse', { port });
      throw error;
    }
    const address = app.server.address();
    if (address && typeof address === 'object') port = address.port;
    server = app;
  };

  async function setLan(open: boolean): Promise<void> {
    if (open === lan) return;
    // The same port on another interface: judges' pages reconnect to the same address.
    await server?.close();
    lan = open;
    await listen();
    log.info(open ? `LAN open: ${networkIf(true).lanUrls.join(' ')}` : 'LAN closed');
  }

  try {
    await listen().catch(async (error: unknown) => {
      if (options.port !== undefined || !(error instanceof StartupError)) throw error;
      log.warn(`port ${defaultPort} is in use; using a free port instead`);
      port = 0;
      await listen();
    });
  } catch (error) {
    hub.close();
    db.close();
    dataLock.release();
    throw error;
  }
  services.backup.start(options.backupIntervalMs ?? backupIntervalMs);

  const url = `http://${loopback}:${port}`;
  return {
    url,
    get port() {
      return port;
    },
    adminToken,
    consoleUrl: `${url}/#/console?token=${adminToken}`,
    screenUrl: (eventId) => `${url}/#/screen/${eventId}`,
    get lan() {
      return lan;
    },
    setLan,
    services,
    hub,
    // The open connection, for the tests that make SQLite itself fail (a full disk via max_page_count).
    db,
    async close() {
      hub.close();
      await server?.close();
      await services.backup.stop();
      db.close();
      dataLock.release();
    },
  };
}
