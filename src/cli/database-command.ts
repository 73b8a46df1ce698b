/**
 * The frame of a command-line tool that works on the database (export, report, privacy): connect
 * with the tools' transaction timeout, migrate, run the work, report a ReweaveError as one line and
 * exit 1, close the connection; any other error also exits 1 with its message. The command line is
 * the database's operator, so the work receives an ADMIN of every community to act as.
 */
import { loadConfig } from '../config.ts';
import { connect, type Connection } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { ReweaveError } from '../domain/errors.ts';
import { ALL_COMMUNITIES } from '../domain/permissions.ts';
import { exitOnStopRequest } from './stop-signals.ts';

export const OPERATOR = { tokenId: 'cli', role: 'ADMIN' as const, communities: [ALL_COMMUNITIES] };

export type Log = (line: string) => void;

export async function withDatabase(name: string, work: (connection: Connection, log: Log) => Promise<number>): Promise<number> {
  const log: Log = (line) => console.error(`[reweave] ${line}`);
  const connection = await connect(loadConfig(), log, { for: 'cli' });
  try {
    await migrate(connection.db, log);
    return await work(connection, log);
  } catch (error) {
    if (error instanceof ReweaveError) {
      console.error(`[reweave] ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

/** Runs a tool's main and exits with its code; a stop request (Ctrl-C) ends it as the other tools do. */
export function runCommand(name: string, main: (argv: string[]) => Promise<number>): void {
  exitOnStopRequest();
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[reweave] ${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
