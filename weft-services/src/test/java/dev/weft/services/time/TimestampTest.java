package dev.weft.services.time;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The reply prefix in each format, on fixed clocks. */
class TimestampTest {

    private static String prefix(String instant, String zone, TimeFormat format) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneId.of(zone));
        return new String(new Timestamp(clock, format, UTF_8).prefix(), UTF_8);
    }

    @Test
    void ctimePadsASingleDigitDayWithASpace() {
        assertThat(prefix("2021-05-08T08:59:10Z", "Asia/Shanghai", TimeFormat.CTIME)).isEqualTo("[Sat May  8 16:59:10 2021]: ");
    }

    @Test
    void ctimeWritesATwoDigitDayAsIs() {
        assertThat(prefix("2021-12-25T23:05:01Z", "UTC", TimeFormat.CTIME)).isEqualTo("[Sat Dec 25 23:05:01 2021]: ");
    }

    @Test
    void ctimeIsInTheServersZone() {
        assertThat(prefix("2021-05-08T08:59:10Z", "America/New_York", TimeFormat.CTIME)).isEqualTo("[Sat May  8 04:59:10 2021]: ");
    }

    @Test
    void isoIsRfc3339WithMillisecondsAndTheOffset() {
        assertThat(prefix("2021-05-08T08:59:10.250Z", "Asia/Shanghai", TimeFormat.ISO)).isEqualTo("[2021-05-08T16:59:10.250+08:00]: ");
    }

    @Test
    void isoWritesUtcAsZ() {
        assertThat(prefix("2021-05-08T08:59:10.007Z", "UTC", TimeFormat.ISO)).isEqualTo("[2021-05-08T08:59:10.007Z]: ");
    }

    @Test
    void epochIsSecondsWithThreeDigitsOfMilliseconds() {
        assertThat(prefix("2021-05-08T08:59:10.050Z", "Asia/Shanghai", TimeFormat.EPOCH)).isEqualTo("[1620464350.050]: ");
    }

    @Test
    void theReplyIsThePrefixThenTheMessageBytesUntouched() throws Exception {
        Charset gbk = Charset.forName("GBK");
        Timestamp stamp = new Timestamp(Clock.fixed(Instant.parse("2021-05-08T08:59:10Z"), ZoneOffset.ofHours(8)), TimeFormat.CTIME, gbk);
        byte[] message = "时间\r\n".getBytes(gbk);
        byte[] reply = stamp.stamp(message);
        assertThat(new String(reply, gbk)).isEqualTo("[Sat May  8 16:59:10 2021]: 时间\r\n");
        assertThat(java.util.Arrays.copyOfRange(reply, reply.length - message.length, reply.length)).isEqualTo(message);
    }

    @Test
    void thePrefixFollowsTheClock() {
        MutableClock clock = new MutableClock(Instant.parse("2021-05-08T08:59:10Z"));
        Timestamp stamp = new Timestamp(clock, TimeFormat.EPOCH, UTF_8);
        assertThat(new String(stamp.prefix(), UTF_8)).isEqualTo("[1620464350.000]: ");
        clock.now = clock.now.plusMillis(1);
        assertThat(new String(stamp.prefix(), UTF_8)).isEqualTo("[1620464350.001]: ");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
