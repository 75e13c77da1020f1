package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's cache helpers ({@code scripts/aot.sh}), run by bash as {@code ./weft} runs them: the flags for each
 * JDK, and a cache that is missing, stale or corrupt never breaking a command. A tiny jar ({@link AotTrainee})
 * stands in for weft.jar so a real training run takes a second, on the JDK running this test.
 */
class AotCacheScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    record Shell(int code, String out, String err) {
    }

    /** Runs {@code script} in bash after sourcing scripts/jdk.sh and scripts/aot.sh, with JAVA_HOME this JDK. */
    static Shell bash(String script, String... env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; . scripts/jdk.sh; . scripts/aot.sh; " + script).directory(ROOT.toFile());
        builder.environment().put("JAVA_HOME", JDK.toString());
        builder.environment().remove("WEFT_AOT");
        for (int i = 0; i + 1 < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] err = process.getErrorStream().readAllBytes();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Shell(process.exitValue(), out.strip(), new String(err, StandardCharsets.UTF_8).strip());
    }

    private Path trainee() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, AotTrainee.class.getName());
        Path jar = dir.resolve("weft.jar");
        String entry = AotTrainee.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             var in = AotTrainee.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static Shell prepare(Path jar, String... env) throws IOException, InterruptedException {
        return bash("weft_aot_prepare '" + jar + "'", env);
    }

    /** Runs the jar as the launcher would with {@code flags}. */
    private static Shell run(Path jar, String flags) throws IOException, InterruptedException {
        return bash("\"$JAVA_HOME/bin/java\" " + flags + " -jar '" + jar + "' serve");
    }

    @Test
    void jdk25AndLaterUseTheOneStepAotCache() throws Exception {
        assertThat(bash("weft_aot_use_flags 25 /c/weft.aot").out()).isEqualTo("-XX:AOTCache=/c/weft.aot -Xlog:aot*=off,cds*=off");
        assertThat(bash("weft_aot_use_flags 26 /c/weft.aot").out()).isEqualTo("-XX:AOTCache=/c/weft.aot -Xlog:aot*=off,cds*=off");
        assertThat(bash("weft_aot_kind 25").out()).isEqualTo("aot");
    }

    @Test
    void jdk25RecordsMethodProfilesOnlyForTheClientGroupAndLaterJdksUseTheProductFlagOnly() throws Exception {
        assertThat(bash("weft_aot_record_flags 25 /c/t.aot").out())
                .isEqualTo("-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput=/c/t.aot");
        assertThat(bash("weft_aot_record_flags 26 /c/t.aot").out()).isEqualTo("-XX:AOTCacheOutput=/c/t.aot");
        assertThat(bash("weft_aot_record_flags 25 /c/t.aot client").out()).as("the client group keeps its profiles")
                .isEqualTo("-XX:AOTCacheOutput=/c/t.aot");
        assertThat(bash("weft_aot_record_flags 25 /c/t.aot copy").out()).startsWith("-XX:+UnlockDiagnosticVMOptions");
    }

    @Test
    void jdk24UsesTheTwoStepAotCache() throws Exception {
        assertThat(bash("weft_aot_use_flags 24 /c/weft.aot").out()).isEqualTo("-XX:AOTCache=/c/weft.aot -Xlog:aot*=off,cds*=off");
        assertThat(bash("weft_aot_kind 24").out()).isEqualTo("aot2");
    }

    @Test
    void jdk21To23UseADynamicAppCdsArchive() throws Exception {
        for (int major : new int[] {21, 22, 23}) {
            assertThat(bash("weft_aot_use_flags " + major + " /c/weft.jsa").out())
                    .isEqualTo("-XX:SharedArchiveFile=/c/weft.jsa -Xlog:cds*=off");
        }
    }

    @Test
    void aJdkWithoutCachesGetsNoFlags() throws Exception {
        assertThat(bash("weft_aot_use_flags 17 /c/weft.jsa").out()).isEmpty();
    }

    @Test
    void theCacheIsNamedForTheJarAndTheExactJdk() throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"21.0.5\"\nJAVA_RUNTIME_VERSION=\"21.0.5+11-LTS\"\n");

        assertThat(bash("weft_aot_file /w/target/weft.jar " + jdk).out()).isEqualTo("/w/target/weft-jdk-21.0.5+11-LTS.jsa");
        assertThat(bash("weft_aot_file '/my dir/weft.jar' " + jdk).out()).as("no cache where a path has spaces").isEmpty();
    }

    @Test
    void theClientCommandsCacheIsNamedApart() throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25\"\nJAVA_RUNTIME_VERSION=\"25+36-LTS\"\n");

        assertThat(bash("weft_aot_file /w/target/weft.jar " + jdk + " client").out())
                .isEqualTo("/w/target/weft-jdk-25+36-LTS-client.aot");
        assertThat(bash("weft_aot_file /w/target/weft.jar " + jdk + " copy").out())
                .isEqualTo("/w/target/weft-jdk-25+36-LTS-copy.aot");
        assertThat(bash("weft_aot_file /w/target/weft.jar " + jdk + " all").out())
                .isEqualTo("/w/target/weft-jdk-25+36-LTS.aot");
    }

    @Test
    void theClientCacheIsPreparedBesideTheMainOne() throws Exception {
        Path jar = trainee();

        Shell all = prepare(jar);
        Shell client = bash("weft_aot_prepare '" + jar + "' client");

        assertThat(client.err()).isEqualTo("preparing weft's start-up cache for 'client' commands (once per build)...");
        assertThat(client.out()).contains(cacheName().replaceFirst("\\.(aot|jsa)$", "-client.$1")).isNotEqualTo(all.out());
        assertThat(run(jar, client.out())).isEqualTo(new Shell(0, "ran serve", ""));
    }

    @Test
    void aMissingCacheIsBuiltOnceAndThenUsed() throws Exception {
        Path jar = trainee();

        Shell first = prepare(jar);
        Shell second = prepare(jar);

        assertThat(first.code()).isZero();
        assertThat(first.err()).isEqualTo("preparing weft's start-up cache (once per build)...");
        assertThat(first.out()).startsWith(Runtime.version().feature() >= 24 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=");
        assertThat(second.err()).as("the cache is current: no second training").isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(run(jar, second.out())).isEqualTo(new Shell(0, "ran serve", ""));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp files or logs left")
                    .containsExactlyInAnyOrder("weft.jar", cacheName());
        }
    }

    @Test
    void aUsersCommandRunsAtOnceWithoutTheCacheWhileItIsRecordedInTheBackground() throws Exception {
        Path jar = trainee();

        Shell first = bash("weft_aot_prepare_later '" + jar + "'");

        assertThat(first).as("no flags and no wait: this run goes without the cache").isEqualTo(new Shell(0, "", ""));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() ->
                Files.exists(dir.resolve(cacheName())) && !Files.exists(dir.resolve(cacheName() + ".recording")));
        Shell second = bash("weft_aot_prepare_later '" + jar + "'");
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).startsWith(Runtime.version().feature() >= 24 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=");
        assertThat(run(jar, second.out())).isEqualTo(new Shell(0, "ran serve", ""));
    }

    @Test
    void weftAotWaitRecordsTheCacheBeforeTheCommand() throws Exception {
        Path jar = trainee();

        Shell first = bash("weft_aot_prepare_later '" + jar + "'", "WEFT_AOT_WAIT", "1");

        assertThat(first.err()).isEqualTo("preparing weft's start-up cache (once per build)...");
        assertThat(first.out()).startsWith(Runtime.version().feature() >= 24 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=");
    }

    @Test
    void aCacheOlderThanTheJarIsRebuilt() throws Exception {
        Path jar = trainee();
        prepare(jar);
        Path cache = dir.resolve(cacheName());
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(3600)));

        Shell again = prepare(jar);

        assertThat(again.err()).isEqualTo("preparing weft's start-up cache (once per build)...");
        assertThat(Files.getLastModifiedTime(cache).toInstant()).isAfter(Instant.now().minusSeconds(600));
    }

    @Test
    void aCorruptCacheNeitherBreaksTheCommandNorPrintsJvmWarnings() throws Exception {
        Path jar = trainee();
        String flags = prepare(jar).out();
        Path cache = dir.resolve(cacheName());
        byte[] bytes = Files.readAllBytes(cache);
        Files.delete(cache); // the JVM writes a .jsa read-only
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 3)); // truncated, and newer than the jar

        assertThat(run(jar, flags)).isEqualTo(new Shell(0, "ran serve", ""));
        Files.delete(cache);
        Files.writeString(cache, "not a cache at all");
        assertThat(run(jar, flags)).isEqualTo(new Shell(0, "ran serve", ""));
    }

    @Test
    void aFailedTrainingIsReportedOnceAndTheCommandRunsWithoutACache() throws Exception {
        Path jar = dir.resolve("weft.jar");
        Files.writeString(jar, "not a jar");

        Shell first = prepare(jar);
        Shell second = prepare(jar);

        assertThat(first.code()).isZero();
        assertThat(first.out()).isEmpty();
        String log = cacheName().replaceFirst("\\.(aot|jsa)$", ".log");
        assertThat(first.err()).endsWith("weft: could not prepare the start-up cache (see " + dir.resolve(log)
                + "); running without it.");
        assertThat(second).isEqualTo(new Shell(0, "", ""));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith(".aot")
                    || n.endsWith(".jsa"))).as("no half-written cache").isEmpty();
        }
    }

    @Test
    void weftAotOffTurnsTheCacheOff() throws Exception {
        Path jar = trainee();

        assertThat(prepare(jar, "WEFT_AOT", "off")).isEqualTo(new Shell(0, "", ""));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(jar);
        }
    }

    /** The cache's file name for dir/weft.jar under this JDK, as the launcher names it. */
    private String cacheName() throws IOException, InterruptedException {
        return Path.of(bash("weft_aot_file '" + dir.resolve("weft.jar") + "' \"$JAVA_HOME\"").out()).getFileName().toString();
    }
}
