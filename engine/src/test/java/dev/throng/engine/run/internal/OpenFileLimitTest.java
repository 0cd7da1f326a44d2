package dev.throng.engine.run.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenFileLimitTest {
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max open files            1024                 524288               files
            Max locked memory         8388608              8388608              bytes
            """;

    @Test
    void readsTheSoftAndHardLimits() {
        assertThat(OpenFileLimit.parse(LIMITS)).contains(new OpenFileLimit(1024, 524288));
        assertThat(OpenFileLimit.parse("Max open files unlimited unlimited files"))
                .contains(new OpenFileLimit(Long.MAX_VALUE, Long.MAX_VALUE));
        assertThat(OpenFileLimit.parse("nothing here")).isEmpty();
    }

    @Test
    void warnsAboveTheSoftLimitAndRefusesAboveTheHardOne() {
        var limit = new OpenFileLimit(1024, 524288);
        assertThat(limit.check(500, "500 users")).isInstanceOf(OpenFileLimit.Verdict.Fine.class);
        assertThat(limit.check(5000, "one connection per user for 5000 users"))
                .isInstanceOfSatisfying(
                        OpenFileLimit.Verdict.Warn.class,
                        w -> assertThat(w.message())
                                .contains("5064")
                                .contains("1024")
                                .contains("ulimit -n")
                                .contains("LimitNOFILE"));
        assertThat(limit.check(600_000, "600000 users"))
                .isInstanceOfSatisfying(
                        OpenFileLimit.Verdict.Refuse.class,
                        r -> assertThat(r.message()).contains("524288").contains("LimitNOFILE"));
    }

    @Test
    void thisProcessHasALimitOnLinux() {
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            assertThat(OpenFileLimit.ofThisProcess()).isPresent();
        }
    }
}
