package reweave;

import java.util.Arrays;

/**
 * Runs another Java program (Neo4j's admin tool, for the offline importer) so that it ends with the
 * Node process that started it, however that one ends (a SIGKILL too): the parent holds our stdin
 * open as a pipe, and its end is the signal. Without this an importer outlives a killed CLI and
 * keeps writing into the data dir.
 *
 * <pre>
 * java -cp neo4j/target/classes:neo4j/target/lib/* reweave.WithParent MAIN_CLASS [ARGS...]
 * </pre>
 */
public final class WithParent {
    private WithParent() {}

    public static void main(String[] argv) throws Throwable {
        if (argv.length < 1) {
            System.err.println("usage: WithParent MAIN_CLASS [ARGS...]");
            System.exit(2);
            return;
        }
        LocalNeo4j.watchParent(System.in);
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        try {
            Class.forName(argv[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
