package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.weft.http.HttpServer;

/** Which server configurations and loads {@code weft bench http} runs, and what it calls them. */
class HttpBenchSettingsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static HttpBenchSettings settings(List<Peer> servers, List<String> models, String loads) {
        return new HttpBenchSettings(Duration.ofSeconds(10), 64, servers, models, 2, Duration.ofSeconds(5),
                HttpBenchSettings.parseLoads(List.of(loads.split(",")), 64), 10_000, Path.of("out"));
    }

    @Test
    void weftRunsItsDefaultWithNoModelAndTheOtherModelsOnce() {
        String defaultModel = HttpServer.DEFAULT_MODEL.spec();
        List<Contender> contenders = settings(List.of(Peer.WEFT), List.of(defaultModel, "thread", "event-loop:1"),
                HttpBenchSettings.DEFAULT_LOADS).contenders();

        assertThat(contenders.getFirst()).isEqualTo(Contender.WEFT_DEFAULT);
        assertThat(contenders.getFirst().model()).isNull();
        assertThat(contenders).extracting(Contender::name)
                .containsExactlyElementsOf(java.util.stream.Stream.of("default", "thread", "event-loop:1")
                        .filter(m -> !m.equals(defaultModel)).map(m -> "weft (" + m + ")").toList());
    }

    @Test
    void nettyRunsWithOneLoopAndWithItsDefaultNamedWithItsLoopCount() {
        List<Contender> contenders = settings(List.of(Peer.NETTY), List.of(), "route").contenders();

        assertThat(contenders).extracting(Contender::name)
                .containsExactly("netty (1 loop)", "netty (default: " + 2 * CORES + " loops)");
        assertThat(contenders).extracting(Contender::workers).containsExactly(1, 0);
    }

    @Test
    void nginxRunsWithOneAndTwoWorkers() {
        List<Contender> contenders = settings(List.of(Peer.NGINX), List.of(), "route").contenders();

        assertThat(contenders).extracting(Contender::name).startsWith("nginx (1 worker)", "nginx (2 workers)");
        assertThat(contenders).extracting(Contender::workers).startsWith(1, 2);
    }

    @Test
    void theOtherPeersRunAsTheyAreUnderTheirOwnNames() {
        List<Contender> contenders = settings(List.of(Peer.JETTY, Peer.JDK, Peer.JETTY), List.of(), "route").contenders();

        assertThat(contenders).extracting(Contender::name).containsExactly("jetty", "jdk");
    }

    @Test
    void onlyWeftsDefaultAndNginxServeTls() {
        List<Contender> contenders = settings(List.of(Peer.WEFT, Peer.NETTY, Peer.NGINX, Peer.JDK), List.of("thread"),
                "https-4k").contenders();

        assertThat(contenders).filteredOn(c -> c.serves(Endpoint.HTTPS_4K)).extracting(Contender::name)
                .containsExactly("weft (default)", "nginx (1 worker)", "nginx (2 workers)");
        assertThat(contenders).allMatch(c -> c.serves(Endpoint.ROUTE));
    }

    @Test
    void aLoadNamesItsEndpointAndMayNameItsConnections() {
        List<Load> loads = HttpBenchSettings.parseLoads(List.of(HttpBenchSettings.DEFAULT_LOADS.split(",")), 64);

        assertThat(loads).extracting(Load::spec).containsExactly("route@64", "static-4k@64", "route@1000", "https-4k@64");
        assertThat(loads.get(3).endpoint().tls()).isTrue();
    }

    @Test
    void aLoadWithABadEndpointOrCountIsRefusedNamingIt() {
        assertThatThrownBy(() -> Load.parse("route@0", 64)).hasMessage("a load needs at least 1 connection, not 0");
        assertThatThrownBy(() -> Load.parse("route@x", 64)).hasMessageContaining("bad load 'route@x'");
        assertThatThrownBy(() -> Load.parse("tomcat", 64)).hasMessageStartingWith("unknown endpoint 'tomcat'");
    }

    @Test
    void theEstimateCountsEveryServerOnEveryLoadItServes() {
        HttpBenchSettings plain = settings(List.of(Peer.JDK), List.of(), "route");
        HttpBenchSettings withTls = settings(List.of(Peer.JDK), List.of(), "route,https-4k");

        // the JDK server serves no TLS: the HTTPS load adds nothing for it
        assertThat(withTls.estimate()).isEqualTo(plain.estimate());
        // 2 rounds of 10 s and a 5 s warm-up, each with about a second around it, a start and an idle round
        assertThat(plain.estimate()).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(45));
    }

    @Test
    void theFullComparisonTakesAboutTwentyMinutesOnTwoCores() {
        HttpBenchSettings full = settings(List.of(Peer.values()), List.of("virtual", "thread", "pool", "event-loop",
                "event-loop:1", "processes"), HttpBenchSettings.DEFAULT_LOADS);
        org.junit.jupiter.api.Assumptions.assumeTrue(CORES == 2, "the 20-minute budget is for 2 cores");

        assertThat(full.estimate()).isBetween(Duration.ofMinutes(18), Duration.ofMinutes(27));
    }
}
