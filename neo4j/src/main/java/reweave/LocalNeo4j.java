package reweave;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import java.time.Duration;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransactionFailureException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.FormatException;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs an embedded Neo4j Community 5.26 with only a Bolt connector, for reweave's local development
 * and tests. Started by src/db/local/neo4j-local.ts; not meant as a production server.
 *
 * <pre>
 * java -cp neo4j/target/classes:neo4j/target/lib/* reweave.LocalNeo4j \
 *     --data DIR --port N --password-file FILE [--pagecache 256m] [--txlog 128m] [--watch-stdin]
 * </pre>
 *
 * Bolt requires the user {@code neo4j} with the password in FILE (the first line). The password is
 * read from a file, not given as an argument, because every local user can read command lines.
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
            System.err.println("usage: LocalNeo4j --data DIR --port N --password-file FILE [--pagecache 256m] [--txlog 128m] [--watch-stdin]");
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

        String password = readPassword(args.passwordFile);
        writeInitialPassword(home, password);

        long txLogBytes = args.txLogBytes;
        DatabaseManagementService s = new DatabaseManagementServiceBuilder(home)
                // Loopback alone does not make the database private: every user of the machine can
                // reach 127.0.0.1, and the store holds residents' identifying details.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
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
        ensurePassword(s.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);

        System.out.println("READY bolt://127.0.0.1:" + args.port);
        System.out.flush();

        // Neo4j's own threads would keep the JVM alive anyway; waiting here just makes the
        // lifecycle explicit (main ends only after the shutdown hook has closed the store).
        stopped.await();
    }

    private static String readPassword(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.length() < 8) {
            // Neo4j's own minimum; a shorter one would make start-up fail further in.
            throw new IllegalArgumentException(file + " must hold a password of at least 8 characters");
        }
        return password;
    }

    /**
     * What {@code neo4j-admin dbms set-initial-password} does, done in-process so the password stays
     * off the command line: {@code data/dbms/auth.ini} names the initial user's credentials. Neo4j
     * applies it while the system database starts, before Bolt accepts connections: to a new store,
     * and to an existing one whose {@code neo4j} user still has the default password (every data dir
     * made while this launcher ran without authentication). So there is no moment in which the
     * default password is accepted over Bolt.
     */
    private static void writeInitialPassword(Path home, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path authIni = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(authIni.getParent());
        Files.deleteIfExists(authIni);
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            FileUserRepository repo = new FileUserRepository(fs, authIni, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            repo.start();
            SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
            repo.create(new User(USER, null, credential, false, false));
            repo.shutdown();
        }
        Files.setPosixFilePermissions(authIni, PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * auth.ini does not apply once the password was changed, e.g. when the password file was replaced
     * or the user's password changed through Cypher: the file in the data dir is what every reweave
     * process signs in with, so it wins.
     */
    private static void ensurePassword(GraphDatabaseService system, String password) throws FormatException, InterruptedException {
        String statement;
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", USER);
            if (user == null) {
                statement = "CREATE USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED";
            } else if (!SystemGraphCredential.deserialize((String) user.getProperty("credentials"), new SecureHasher())
                    .matchesPassword(password.getBytes(StandardCharsets.UTF_8))) {
                statement = "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED";
            } else if (Boolean.TRUE.equals(user.getProperty("passwordChangeRequired", Boolean.FALSE))) {
                // Neo4j refuses to "change" a password to the one it already has.
                statement = "ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED";
            } else {
                return;
            }
        }
        // Right after build() an administration command can still find the DBMS unavailable for a
        // moment (seen once on a busy machine); it is safe to repeat.
        for (int attempt = 1; ; attempt++) {
            try {
                system.executeTransactionally(statement, Map.of("password", password));
                break;
            } catch (TransactionFailureException e) {
                if (attempt >= 60) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
        System.err.println("LocalNeo4j: user " + USER + " now has the password of the password file");
    }

    private static final String USER = "neo4j";

    /** After this long a shutdown hook that still runs is cut short: the parent is gone, nobody waits. */
    private static final long EXIT_GRACE_MS = 8_000;

    /**
     * The Node parent keeps our stdin open as a pipe; EOF means it died without stopping us, so
     * we exit (through the shutdown hooks, which close the store) rather than linger as an orphan
     * holding the store lock. Also used by {@link WithParent}.
     */
    static void watchParent(InputStream in) {
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
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(EXIT_GRACE_MS);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("LocalNeo4j: shutdown took too long, halting");
                Runtime.getRuntime().halt(1);
            }, "reweave-exit-deadline");
            halt.setDaemon(true);
            halt.start();
            System.exit(1);
        }, "reweave-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static final class Args {
        Path data;
        Path passwordFile;
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
                    case "--password-file" -> a.passwordFile = Path.of(value(argv, ++i, k));
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
            if (a.passwordFile == null) {
                throw new IllegalArgumentException("--password-file is required");
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
