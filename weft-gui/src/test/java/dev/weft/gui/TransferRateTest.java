package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a transfer's progress bar says. */
class TransferRateTest {

    @Test
    void showsBytesOfTotalRateAndTimeLeft() {
        // 10 MiB moved in 1 s of a 50 MiB file: 10 MiB/s, 40 MiB to go
        assertThat(TransferRate.describe(10 << 20, 50 << 20, 10 << 20, 1_000_000_000L))
                .isEqualTo("10.0 MiB of 50.0 MiB · 10.0 MiB/s · 0:04 left");
    }

    @Test
    void aResumedTransferTimesOnlyTheBytesMovedNow() {
        assertThat(TransferRate.describe(30 << 20, 50 << 20, 10 << 20, 1_000_000_000L))
                .isEqualTo("30.0 MiB of 50.0 MiB · 10.0 MiB/s · 0:02 left");
    }

    @Test
    void anUnknownTotalShowsBytesAndRateOnly() {
        assertThat(TransferRate.describe(2048, -1, 2048, 1_000_000_000L)).isEqualTo("2.0 KiB · 2.0 KiB/s");
        assertThat(TransferRate.percent(2048, -1)).isZero();
    }

    @Test
    void formatsSizesAndClocks() {
        assertThat(TransferRate.bytes(512)).isEqualTo("512 B");
        assertThat(TransferRate.bytes(3L << 30)).isEqualTo("3.0 GiB");
        assertThat(TransferRate.clock(3723)).isEqualTo("1:02:03");
        assertThat(TransferRate.percent(0, 0)).isEqualTo(100);
    }
}
