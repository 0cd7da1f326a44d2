package dev.throng.engine.project;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h30m}, {@code 1.5s}. Used by the
 * project file and by command-line flags. Stateless; thread-safe.
 *
 * <p>Units: {@code h}, {@code m}, {@code s}, {@code ms}, {@code us} (or {@code µs}) and {@code ns}. Parts may be
 * combined ({@code 1m30s}), may have decimals ({@code 1.5s}) and may be preceded by one {@code -} (negative durations
 * are read so that validation can name them). A plain {@code 0} is zero.
 */
public final class DurationText {

    /** The longest duration accepted, so that every accepted value fits in a {@code long} of nanoseconds. */
    public static final Duration MAX = Duration.ofHours(100_000);

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:\\.[0-9]+)?(?:h|ms|m|s|us|µs|ns))+");
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(h|ms|m|s|us|µs|ns)");

    private record Unit(String symbol, long nanos) {}

    private static final List<Unit> UNITS = List.of(
            new Unit("h", 3_600_000_000_000L),
            new Unit("m", 60_000_000_000L),
            new Unit("s", 1_000_000_000L),
            new Unit("ms", 1_000_000L),
            new Unit("us", 1_000L),
            new Unit("ns", 1L));

    private DurationText() {}

    /**
     * Reads a duration.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a number and a unit such as "
                    + "500ms, 30s, 2m or 1h30m (units h, m, s, ms, us, ns)");
        }
        var m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
        }
        if (nanos.compareTo(BigDecimal.valueOf(MAX.toNanos())) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration (at most 100000h)");
        }
        BigInteger whole;
        try {
            whole = nanos.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is finer than a nanosecond");
        }
        long value = whole.longValueExact();
        return Duration.ofNanos(negative ? -value : value);
    }

    /**
     * The shortest exact text for {@code duration} that {@link #parse} reads back to an equal value: the shortest of
     * the single-unit forms ({@code 1500ms}, {@code 90m}) and the combined form ({@code 1m1s}); ties go to the larger
     * unit. Zero is {@code 0s}.
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        BigInteger total = BigInteger.valueOf(duration.getSeconds())
                .multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(duration.getNano()));
        String best = null;
        for (Unit unit : UNITS) {
            BigInteger[] qr = total.divideAndRemainder(BigInteger.valueOf(unit.nanos()));
            if (qr[1].signum() == 0) {
                String candidate = qr[0] + unit.symbol();
                if (best == null || candidate.length() < best.length()) {
                    best = candidate;
                }
            }
        }
        var combined = new StringBuilder();
        BigInteger rest = total;
        for (Unit unit : UNITS) {
            BigInteger[] qr = rest.divideAndRemainder(BigInteger.valueOf(unit.nanos()));
            if (qr[0].signum() > 0) {
                combined.append(qr[0]).append(unit.symbol());
            }
            rest = qr[1];
        }
        return best == null || combined.length() < best.length() ? combined.toString() : best;
    }

    private static long unitNanos(String symbol) {
        return switch (symbol) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            default -> 1L;
        };
    }
}
