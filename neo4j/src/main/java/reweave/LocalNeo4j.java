package reweave;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs an embedded Neo4j Community 5.26 with only a Bolt connector, for reweave's local development
 * and tests. Started by src/db/local/neo4j-local.ts; not meant as a production server.
 *
 * <pre>
 * java -cp neo4j/target/classes:neo4j/target/lib/* reweave.LocalNeo4j \
 *     --data DIR --port N [--pagecache 256m] [--txlog 128m] [--watch-stdin]
 * </pre>
 *
 * Prints exactly one {@code READY bolt://127.0.0.1:PORT} line on stdout once Bolt is listening; the
 * Node side additionally probes Bolt, since that line is only as good as Neo4j's own start-up.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] argv) throws Exception {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("LocalNeo4j: " + e.getMessage());
            System.err.println("usage: LocalNeo4j --data DIR --port N [--pagecache 256m] [--txlog 128m] [--watch-stdin]");
            System.exit(2);
            return;
        }

        Path home = args.data.toAbsolutePath().normalize();
        Files.createDirectories(home);

        AtomicReference<DatabaseManagementService> service = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before build() so a SIGTERM that arrives during start-up still closes the store
        // cleanly instead of leaving it for recovery on the next start.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService s = service.getAndSet(null);
            if (s != null) {
                try {
                    s.shutdown();
                    System.err.println("LocalNeo4j: shut down cleanly");
                } catch (RuntimeException e) {
                    System.err.println("LocalNeo4j: error during shutdown: " + e);
                }
            }
            stopped.countDown();
        }, "reweave-neo4j-shutdown"));

        if (args.watchStdin) {
            watchParent(System.in);
        }

        long txLogBytes = args.txLogBytes;
        DatabaseManagementService s = new DatabaseManagementServiceBuilder(home)
                // Auth is off because Bolt only listens on the loopback interface: this is a
                // single-user development/test database. Never expose this launcher on a network
                // address; use a real Neo4j server (NEO4J_URI) for anything shared.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", args.port))
                // Advertised explicitly so neo4j:// routing tables point back at loopback too.
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", args.port))
                // TLS on loopback buys nothing and would need certificates in the data dir.
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Neo4j sizes the page cache from physical RAM by default (~50% of free memory):
                // far too much on a shared 2-core dev box or when tests run several instances.
                .setConfig(GraphDatabaseSettings.pagecache_memory, args.pageCacheBytes)
                // Bound tx-log disk use: the defaults keep two days of logs in 256 MiB files, and
                // preallocation would make every throwaway test database cost 256 MiB+ of disk.
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, Math.max(1L << 20, txLogBytes / 4))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, txLogBytes + " size")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Internal (unsupported) settings, safe because the version is pinned in pom.xml:
                // the in-JVM "bolt-local" connector is useless here, and Bolt's graceful-shutdown
                // waits (5 s + 5 s by default) would make every test restart/stop ~10 s slower. The
                // store itself is still checkpointed and closed before these apply.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();
        service.set(s);

        System.out.println("READY bolt://127.0.0.1:" + args.port);
        System.out.flush();

        // Neo4j's own threads would keep the JVM alive anyway; waiting here just makes the
        // lifecycle explicit (main ends only after the shutdown hook has closed the store).
        stopped.await();
    }

    /**
     * The Node parent keeps our stdin open as a pipe; EOF means it died without stopping us, so
     * we exit (through the shutdown hook) rather than linger as an orphan holding the store lock.
     */
    private static void watchParent(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // Input is ignored; only EOF matters.
                }
            } catch (IOException ignored) {
                // A broken pipe is the same signal as EOF.
            }
            System.err.println("LocalNeo4j: parent process went away, shutting down");
            System.exit(0);
        }, "reweave-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static final class Args {
        Path data;
        int port = -1;
        long pageCacheBytes = parseSize("256m");
        long txLogBytes = parseSize("128m");
        boolean watchStdin;

        static Args parse(String[] argv) {
            Args a = new Args();
            for (int i = 0; i < argv.length; i++) {
                String k = argv[i];
                switch (k) {
                    case "--data" -> a.data = Path.of(value(argv, ++i, k));
                    case "--port" -> {
                        String v = value(argv, ++i, k);
                        try {
                            a.port = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--port must be a number, got " + v);
                        }
                    }
                    case "--pagecache" -> a.pageCacheBytes = parseSize(value(argv, ++i, k));
                    case "--txlog" -> a.txLogBytes = parseSize(value(argv, ++i, k));
                    case "--watch-stdin" -> a.watchStdin = true;
                    default -> throw new IllegalArgumentException("unknown argument " + k);
                }
            }
            if (a.data == null) {
                throw new IllegalArgumentException("--data is required");
            }
            // Port 0 would make Neo4j bind an ephemeral port we could not announce reliably;
            // the Node side picks a free port instead.
            if (a.port < 1 || a.port > 65535) {
                throw new IllegalArgumentException("--port must be 1..65535");
            }
            return a;
        }

        private static String value(String[] argv, int i, String key) {
            if (i >= argv.length) {
                throw new IllegalArgumentException(key + " needs a value");
            }
            return argv[i];
        }

        static long parseSize(String s) {
            String v = s.trim().toLowerCase(Locale.ROOT);
            long mult = 1;
            if (v.endsWith("k")) {
                mult = 1L << 10;
            } else if (v.endsWith("m")) {
                mult = 1L << 20;
            } else if (v.endsWith("g")) {
                mult = 1L << 30;
            }
            if (mult != 1) {
                v = v.substring(0, v.length() - 1);
            }
            try {
                long n = Long.parseLong(v) * mult;
                if (n <= 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad size '" + s + "' (use e.g. 256m, 1g)");
            }
        }
    }
}
