package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** wrk's text report, parsed from bytes. */
class WrkTest {

    private static final String REPORT = """
            Running 2s test @ http://127.0.0.1:41234/hello
              1 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.85ms    3.10ms  44.80ms   95.12%
                Req/Sec    26.20k     1.10k   28.00k    80.00%
              Latency Distribution
                 50%  812.00us
                 75%    1.20ms
                 90%    2.50ms
                 99%   22.39ms
              52100 requests in 2.00s, 6.51MB read
              Socket errors: connect 0, read 3, write 1, timeout 2
              Non-2xx or 3xx responses: 4
            Requests/sec:  26008.12
            Transfer/sec:      3.25MB
            """;

    @Test
    void readsThroughputPercentilesMaximumAndEveryKindOfError() {
        WrkResult result = Wrk.parse(REPORT);
        assertThat(result.requestsPerSecond()).isEqualTo(26008.12);
        assertThat(result.p50Millis()).isEqualTo(0.812);
        assertThat(result.p99Millis()).isEqualTo(22.39);
        assertThat(result.maxMillis()).isEqualTo(44.8);
        assertThat(result.requests()).isEqualTo(52100);
        assertThat(result.errors()).isEqualTo(3 + 1 + 2 + 4);
    }

    @Test
    void convertsEveryTimeUnitWrkPrints() {
        assertThat(Wrk.millis("500.00us")).isEqualTo(0.5);
        assertThat(Wrk.millis("2.00s")).isEqualTo(2000);
        assertThat(Wrk.millis("1.50m")).isEqualTo(90_000);
    }

    @Test
    void rejectsOutputWithoutFiguresQuotingIt() {
        assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Connection refused");
    }

    @Test
    void readsCpuTicksPastACommandNameWithSpacesAndParentheses() {
        String stat = "1234 (java (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 30 0 100 0 0";
        assertThat(ProcStats.parseCpuTicks(stat)).isEqualTo(325);
    }
}
