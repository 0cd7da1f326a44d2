package dev.throng.engine.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers for people and for CSV: a dot as decimal separator, whatever the locale, no exponent. */
final class Numbers {
    private Numbers() {}

    /** At most three decimals, trailing zeros dropped: 5, 5.5, 5.125; "" for NaN. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        BigDecimal d =
                BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }

    /** One decimal, always shown: 5.0, 12.3; "" for NaN. */
    static String fixed1(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
