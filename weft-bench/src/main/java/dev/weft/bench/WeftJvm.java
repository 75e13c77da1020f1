package dev.weft.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a benchmark starts weft's own JVMs: the way the {@code ./weft} launcher starts weft, with its ahead-of-time
 * cache when it has one, so that weft's times are the ones users get. The launcher ({@code scripts/aot.sh}, the one
 * place that knows the cache flags of each JDK) hands the flags it ran with to weft as
 * {@code -Dweft.aot.flags=...}; the cache only matches the class path it was recorded with, so a cached weft child
 * runs on this JVM's class path (the launcher's {@code weft.jar}). Peers never get these flags.
 *
 * <p>The launcher also starts short-lived client commands (copy, download, ...) with their own JIT flags and with the
 * smaller cache of their group ({@code client}, {@code copy}), and hands them over as {@code -Dweft.client.flags=...}
 * and {@code -Dweft.aot.flags.GROUP=...}; {@link #clientCommand} uses them.
 *
 * @param cacheFlags  the launcher's cache flags, empty when weft runs without a cache (WEFT_AOT=off, tests, no cache)
 * @param groupCaches the cache flags of each client group; a group without them runs with {@code cacheFlags}
 * @param clientFlags the launcher's flags for client commands, empty when not started by the launcher
 * @param classpath   the class path the caches were recorded for
 */
public record WeftJvm(List<String> cacheFlags, Map<String, List<String>> groupCaches, List<String> clientFlags,
                      String classpath) {

    /** The system property the launcher sets to the space-separated cache flags it used. */
    public static final String PROPERTY = "weft.aot.flags";
    /** The client command groups with caches of their own: {@code weft.aot.flags.GROUP} holds each one's flags. */
    public static final List<String> GROUPS = List.of("client", "copy");
    /** The system property the launcher sets to the space-separated flags it gives client commands. */
    public static final String CLIENT_PROPERTY = "weft.client.flags";

    private static final String NATIVE_ACCESS = "--enable-native-access";
    /**
     * The launcher's flag that lets the JVM exit without waiting 300 ms for threads blocked in native code (JDK 22 on;
     * see ./weft): a timed client command pays that wait as users of ./weft do not.
     */
    static final List<String> EXIT = Runtime.version().feature() >= 22
            ? List.of("-XX:UserThreadWaitAttemptsAtExit=0") : List.of();

    public WeftJvm {
        cacheFlags = List.copyOf(cacheFlags);
        groupCaches = Map.copyOf(groupCaches);
        clientFlags = List.copyOf(clientFlags);
    }

    /** The JVM flags of the weft running this benchmark. */
    public static WeftJvm current() {
        Map<String, List<String>> groups = new HashMap<>();
        for (String group : GROUPS) {
            List<String> flags = words(System.getProperty(PROPERTY + "." + group, ""));
            if (!flags.isEmpty()) {
                groups.put(group, flags);
            }
        }
        return new WeftJvm(words(System.getProperty(PROPERTY, "")), groups, words(System.getProperty(CLIENT_PROPERTY, "")),
                System.getProperty("java.class.path"));
    }

    /** From the launcher's space-separated flags (blank: no cache). */
    static WeftJvm of(String flags, String classpath) {
        return of(flags, "", classpath);
    }

    /** From the launcher's space-separated cache and client flags (blank: none). */
    static WeftJvm of(String flags, String clientFlags, String classpath) {
        return new WeftJvm(words(flags), Map.of(), words(clientFlags), classpath);
    }

    private static List<String> words(String flags) {
        String trimmed = flags.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    public boolean cached() {
        return !cacheFlags.isEmpty();
    }

    /**
     * {@code java [cache flags] [flags] -cp CLASSPATH mainClass}: a weft JVM started as the launcher starts weft.
     * With a cache, {@code --enable-native-access} is left out: weft makes no native calls, users do not pass it, and
     * the JVM ignores a cache recorded without the module options it is given.
     */
    public List<String> command(List<String> flags, String mainClass) {
        return command(cacheFlags, flags, mainClass);
    }

    /**
     * {@link #command} for a client command (copy, download, ...) of {@code group}: with that group's cache when there
     * is one, and the launcher's client flags as well.
     */
    public List<String> clientCommand(String group, String mainClass) {
        return command(groupCaches.getOrDefault(group, cacheFlags), clientFlags, mainClass);
    }

    /**
     * {@link #clientCommand} without the client flags: a command of {@code group} the launcher keeps the optimising
     * compiler for ({@code copy --verify}, which hashes).
     */
    public List<String> groupCommand(String group, String mainClass) {
        return command(groupCaches.getOrDefault(group, cacheFlags), List.of(), mainClass);
    }

    private List<String> command(List<String> cache, List<String> flags, String mainClass) {
        List<String> all = new ArrayList<>(cache);
        all.addAll(EXIT);
        flags.stream().filter(flag -> cache.isEmpty() || !flag.startsWith(NATIVE_ACCESS)).forEach(all::add);
        return JvmFlags.command(all, classpath, mainClass);
    }

    /** One sentence for reports saying how weft was started. */
    public String describe() {
        return cached()
                ? "weft ran with its ahead-of-time cache, as ./weft runs it (`" + String.join(" ", cacheFlags)
                        + "`, on weft.jar, without " + NATIVE_ACCESS + ")" + clientNote() + "."
                : "weft ran without an ahead-of-time cache (not started by ./weft, or WEFT_AOT=off)" + clientNote() + ".";
    }

    private String clientNote() {
        if (clientFlags.isEmpty() && groupCaches.isEmpty()) {
            return "";
        }
        StringBuilder note = new StringBuilder("; client commands with `" + String.join(" ", clientFlags) + "`");
        groupCaches.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(group -> note.append(", ")
                .append(group.getKey()).append(" with `").append(String.join(" ", group.getValue())).append('`'));
        return note.append(" as ./weft runs them").toString();
    }
}
