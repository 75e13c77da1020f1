package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the HTTP goals are judged from a report's rows. */
class TargetsTest {

    private static HttpReport.Result row(String server, String load, int connections, double rps, long errors) {
        return new HttpReport.Result(server, load, connections, rps, 1, 2, 3, errors, 0, 0, List.of(rps), null, null);
    }

    private static HttpReport report(List<HttpReport.Result> results) {
        return new HttpReport("bench", "now", new HttpReport.Machine(2, "cpu", "os", "jdk", "wrk", "nginx", Map.of()),
                List.of(), new HttpReport.Settings(3, 64, 1, 1, 1000, 0), List.of(), results, List.of(), List.of(),
                List.of());
    }

    private static HttpReport.Target target(HttpReport report, String name) {
        return Targets.check(report).targets().stream().filter(t -> t.name().startsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void aThroughputGoalIsJudgedOnWeftsBestModelAndNamesItBesideVirtual() {
        HttpReport report = report(List.of(
                row("weft (virtual)", "static 4 KiB", 64, 50_000, 0),
                row("weft (event-loop)", "static 4 KiB", 64, 110_000, 0),
                row("nginx", "static 4 KiB", 64, 100_000, 0)));

        HttpReport.Target target = target(report, "static 4 KiB vs nginx");

        assertThat(target.met()).isTrue();
        assertThat(target.measured()).isEqualTo("1.10x nginx (weft (event-loop); virtual 0.50x)");
    }

    @Test
    void aModelWithErrorsDoesNotCountAsBestAtHighConcurrency() {
        HttpReport report = report(List.of(
                row("weft (virtual)", "static 4 KiB", 1000, 90_000, 0),
                row("weft (thread)", "static 4 KiB", 1000, 120_000, 12),
                row("nginx", "static 4 KiB", 1000, 100_000, 0)));

        HttpReport.Target target = target(report, "1,000 connections");

        assertThat(target.met()).isFalse();
        assertThat(target.measured()).isEqualTo("0 errors, 0.90x nginx (weft (virtual))");
    }
}
