package dev.weft.http.h1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** HTTP dates as RFC 9110 writes them (IMF-fixdate), and read back. */
class HttpDateTest {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void theRfcExampleIsWrittenExactly() {
        assertThat(HttpDate.format(Instant.parse("1994-11-06T08:49:37Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void daysMonthsAndPaddingMatchAnEnglishFormatterOverFourCenturies() {
        Random random = new Random(9110);
        long first = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("2199-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)));
            assertThat(HttpDate.format(instant)).as("%s", instant).isEqualTo(IMF_FIXDATE.format(instant));
        }
    }

    @Test
    void edgesOfDaysAndYearsAreWrittenExactly() {
        assertThat(HttpDate.format(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDate.format(Instant.parse("2024-02-29T23:59:59Z"))).isEqualTo("Thu, 29 Feb 2024 23:59:59 GMT");
        assertThat(HttpDate.format(Instant.parse("0999-12-31T12:00:00Z"))).isEqualTo("Tue, 31 Dec 0999 12:00:00 GMT");
    }

    @Test
    void aWrittenDateIsReadBackToTheSecond() {
        Instant instant = Instant.parse("2026-11-23T19:30:05Z");

        assertThat(HttpDate.parse(HttpDate.format(instant))).isEqualTo(instant);
        assertThat(HttpDate.parse(HttpDate.format(instant.plusMillis(999)))).isEqualTo(instant);
    }

    @Test
    void nowIsTheCurrentSecond() {
        Instant before = Instant.now().minusSeconds(1);
        Instant read = HttpDate.parse(HttpDate.now());
        assertThat(read).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void somethingElseIsNoDate() {
        assertThat(HttpDate.parse("yesterday")).isNull();
        assertThat(HttpDate.parse(null)).isNull();
    }
}
