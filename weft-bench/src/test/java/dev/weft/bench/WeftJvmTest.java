package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** weft's benchmark JVMs start with the launcher's cache flags when it passed them, and exactly as before when not. */
class WeftJvmTest {

    private static final String FLAGS = "-XX:AOTCache=/w/weft-jdk-25.aot -Xlog:aot*=off,cds*=off";

    @Test
    void withoutLauncherFlagsTheCommandIsThePlainBenchmarkCommand() {
        WeftJvm jvm = WeftJvm.of("", "/w/classes");

        assertThat(jvm.cached()).isFalse();
        assertThat(withoutExit(jvm.command(JvmFlags.FLAGS, "dev.weft.Main")))
                .isEqualTo(JvmFlags.command(JvmFlags.FLAGS, "/w/classes", "dev.weft.Main"));
    }

    @Test
    void withLauncherFlagsTheCacheFlagsComeFirstOnTheCachesClassPath() {
        List<String> command = withoutExit(WeftJvm.of(" " + FLAGS + " ", "/w/weft.jar").command(List.of("-Xmx512m"),
                "dev.weft.Main"));

        assertThat(command).containsExactly(JvmFlags.java(), "-XX:AOTCache=/w/weft-jdk-25.aot",
                "-Xlog:aot*=off,cds*=off", "-Xmx512m", "-cp", "/w/weft.jar", "dev.weft.Main");
    }

    @Test
    void aCachedJvmDropsNativeAccessWhichWouldMakeTheJvmRefuseTheCache() {
        List<String> command = WeftJvm.of(FLAGS, "/w/weft.jar").command(JvmFlags.FLAGS, "dev.weft.Main");

        assertThat(command).noneMatch(flag -> flag.startsWith("--enable-native-access")).contains("-Xmx512m");
    }

    @Test
    void clientCommandsGetTheLaunchersClientFlagsAfterTheCacheFlags() {
        WeftJvm jvm = WeftJvm.of(FLAGS, "-XX:TieredStopAtLevel=1", "/w/weft.jar");

        assertThat(withoutExit(jvm.clientCommand("copy", "dev.weft.Main"))).containsExactly(JvmFlags.java(), "-XX:AOTCache=/w/weft-jdk-25.aot",
                "-Xlog:aot*=off,cds*=off", "-XX:TieredStopAtLevel=1", "-cp", "/w/weft.jar", "dev.weft.Main");
        assertThat(jvm.command(List.of(), "dev.weft.Main")).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(jvm.describe()).contains("client commands with `-XX:TieredStopAtLevel=1`");
    }

    @Test
    void clientCommandsRunWithTheClientCacheWhenTheLauncherMadeOne() {
        String client = "-XX:AOTCache=/w/weft-jdk-25-client.aot -Xlog:aot*=off,cds*=off";
        WeftJvm jvm = new WeftJvm(List.of(FLAGS.split(" ")), Map.of("client", List.of(client.split(" "))),
                List.of("-XX:TieredStopAtLevel=1"), "/w/weft.jar");

        assertThat(withoutExit(jvm.clientCommand("client", "dev.weft.Main"))).containsExactly(JvmFlags.java(),
                "-XX:AOTCache=/w/weft-jdk-25-client.aot", "-Xlog:aot*=off,cds*=off", "-XX:TieredStopAtLevel=1", "-cp",
                "/w/weft.jar", "dev.weft.Main");
        assertThat(jvm.clientCommand("copy", "dev.weft.Main")).as("a group without a cache of its own")
                .contains("-XX:AOTCache=/w/weft-jdk-25.aot");
        assertThat(jvm.command(List.of(), "dev.weft.Main")).contains("-XX:AOTCache=/w/weft-jdk-25.aot");
        assertThat(jvm.describe()).contains("client commands with `-XX:TieredStopAtLevel=1`, client with `" + client + "`");
    }

    @Test
    void reportsSayWhetherTheCacheWasUsed() {
        assertThat(WeftJvm.of(FLAGS, "/w/weft.jar").describe()).contains("with its ahead-of-time cache", FLAGS);
        assertThat(WeftJvm.of("", "/w/weft.jar").describe()).contains("without an ahead-of-time cache");
    }

    @Test
    void aWeftProgramRunsWithTheCacheFlagsOfTheWeftRunningTheBenchmark() {
        WeftProgram program = WeftProgram.sameClassPath("copy", "dev.weft.cli.Main");

        assertThat(program.cached()).isEqualTo(WeftJvm.current().cached());
        assertThat(program.command()).endsWith("-cp", System.getProperty("java.class.path"), "dev.weft.cli.Main");
    }

    @Test
    void everyWeftJvmExitsWithoutWaitingForThreadsInNativeCodeAsTheLauncherRunsIt() {
        WeftJvm jvm = WeftJvm.of(FLAGS, "-XX:TieredStopAtLevel=1", "/w/weft.jar");

        assertThat(WeftJvm.EXIT).isEqualTo(Runtime.version().feature() >= 22
                ? List.of("-XX:UserThreadWaitAttemptsAtExit=0") : List.of());
        assertThat(jvm.command(List.of(), "dev.weft.Main")).containsAll(WeftJvm.EXIT);
        assertThat(jvm.clientCommand("client", "dev.weft.Main")).containsAll(WeftJvm.EXIT);
        assertThat(jvm.groupCommand("copy", "dev.weft.Main")).containsAll(WeftJvm.EXIT);
    }

    private static List<String> withoutExit(List<String> command) {
        return command.stream().filter(flag -> !WeftJvm.EXIT.contains(flag)).toList();
    }
}
