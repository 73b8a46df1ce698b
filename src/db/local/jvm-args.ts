import path from 'node:path';

import { passwordFile } from './credentials.ts';
import { CLASSES_DIR, LAUNCHER_MAIN_CLASS, LIB_DIR } from './paths.ts';

export interface JvmOptions {
  heapMb?: number;
  pageCacheMb?: number;
  txLogMb?: number;
  detached?: boolean;
}

/** Command line for the launcher JVM (everything after the `java` executable). */
export function jvmArgs(dataDir: string, port: number, opts: JvmOptions): string[] {
  const heapMb = opts.heapMb ?? 768;
  return [
    `-Xmx${heapMb}m`,
    `-Xms${Math.min(64, heapMb)}m`,
    // Small-footprint settings for a 2-core dev box: Serial GC has no GC threads and little
    // overhead at these heap sizes; pinning the CPU count keeps Neo4j/Netty pools small.
    '-XX:+UseSerialGC',
    '-XX:ActiveProcessorCount=2',
    '-XX:ReservedCodeCacheSize=128m',
    '-XX:+ExitOnOutOfMemoryError',
    // Keep crash files in the data dir and skip the hsperfdata file in /tmp.
    `-XX:ErrorFile=${path.join(dataDir, 'logs', 'hs_err_pid%p.log')}`,
    '-XX:-UsePerfData',
    // The same opens Neo4j's own start script passes, so Netty/Neo4j can use their fast paths.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${CLASSES_DIR}${path.delimiter}${path.join(LIB_DIR, '*')}`,
    LAUNCHER_MAIN_CLASS,
    '--data',
    dataDir,
    '--port',
    String(port),
    '--password-file',
    passwordFile(dataDir),
    '--pagecache',
    `${opts.pageCacheMb ?? 256}m`,
    '--txlog',
    `${opts.txLogMb ?? 128}m`,
    ...(opts.detached ? [] : ['--watch-stdin']),
  ];
}
