package dev.throng.engine.load;

import dev.throng.engine.project.Condition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Evaluates {@link Condition}s against a user's variables. Stateless; thread-safe. */
public final class Conditions {
    /** Compiled patterns of MATCHES conditions, shared by every user; bounded. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private static final int MAX_PATTERNS = 1024;

    private Conditions() {}

    /**
     * Whether {@code condition} holds; {@code null} always holds. {@code variables} returns a variable's value or
     * {@code null} when it is not set. An invalid regular expression never matches.
     */
    public static boolean holds(Condition condition, Function<String, String> variables) {
        if (condition == null) {
            return true;
        }
        String value = variables.apply(condition.variable());
        boolean set = value != null && !value.isEmpty();
        String operand = condition.value() == null ? "" : condition.value();
        return switch (condition.op()) {
            case IS_SET -> set;
            case NOT_SET -> !set;
            case EQUALS -> value != null && value.equals(operand);
            case NOT_EQUALS -> value == null || !value.equals(operand);
            case MATCHES -> value != null && matches(operand, value);
        };
    }

    private static boolean matches(String regex, String value) {
        Pattern p = PATTERNS.get(regex);
        if (p == null) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                return false;
            }
            if (PATTERNS.size() < MAX_PATTERNS) {
                PATTERNS.putIfAbsent(regex, p);
            }
        }
        return p.matcher(value).matches();
    }
}
