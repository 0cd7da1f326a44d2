package dev.throng.engine.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The template language of request URLs, headers, bodies and variable values, and the list of built-in functions.
 * Stateless; thread-safe. The run layer renders templates; this class only finds their references.
 *
 * <ul>
 *   <li>{@code ${name}}: a project variable, a data-source column or a variable set by an extractor;
 *   <li>{@code ${env:NAME}}: the environment variable {@code NAME} of the process running the user (secrets);
 *   <li>{@code ${__name}} or {@code ${__name(arg, ...)}}: a {@link BuiltIn built-in};
 *   <li>{@code $$} is one literal {@code $} (so {@code $${x}} is the text {@code ${x}}).
 * </ul>
 */
public final class Templates {

    /** The prefix of environment references: {@code ${env:NAME}}. */
    public static final String ENV_PREFIX = "env:";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What a variable name may be: a letter or {@code _}, then letters, digits, {@code _}, {@code .} or {@code -}. */
    public static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private Templates() {}

    /** Built-in functions, usable as {@code ${__name}} or {@code ${__name(args)}}. */
    public enum BuiltIn {
        /** A random UUID (version 4). */
        UUID("__uuid", 0, 0, "a random UUID"),
        /** A uniformly random integer in {@code [min, max]}, both included: {@code ${__randomInt(1,100)}}. */
        RANDOM_INT("__randomInt", 2, 2, "a random whole number between the two arguments, both included"),
        /** The current time in milliseconds since 1970-01-01T00:00Z. */
        NOW("__now", 0, 0, "the current time in milliseconds since the epoch"),
        /** A number counting up from 1, one per use, across the run. */
        COUNTER("__counter", 0, 0, "1, 2, 3, ... one per use, across the run"),
        /** The user's index in the run, from 0. */
        USER_INDEX("__userIndex", 0, 0, "the user's index in the run, from 0"),
        /** The index of the agent running the user, from 0 (0 for a local run). */
        AGENT_INDEX("__agentIndex", 0, 0, "the agent's index, from 0");

        private final String functionName;
        private final int minArgs;
        private final int maxArgs;
        private final String description;

        BuiltIn(String functionName, int minArgs, int maxArgs, String description) {
            this.functionName = functionName;
            this.minArgs = minArgs;
            this.maxArgs = maxArgs;
            this.description = description;
        }

        /** The name as written in templates, e.g. {@code __randomInt}. */
        public String functionName() {
            return functionName;
        }

        public int minArgs() {
            return minArgs;
        }

        public int maxArgs() {
            return maxArgs;
        }

        public String description() {
            return description;
        }

        /** The built-in called {@code name} (e.g. {@code __uuid}). */
        public static Optional<BuiltIn> named(String name) {
            return Arrays.stream(values())
                    .filter(b -> b.functionName.equals(name))
                    .findFirst();
        }

        /** Every built-in name, in declaration order. */
        public static List<String> names() {
            return Arrays.stream(values()).map(BuiltIn::functionName).toList();
        }
    }

    /**
     * One {@code ${...}} in a template.
     *
     * @param expression the text between {@code ${} and {@code }}
     * @param start the index of {@code $} in the template
     * @param end the index just after {@code }}
     */
    public record Reference(String expression, int start, int end) {
        public Reference {
            Objects.requireNonNull(expression, "expression");
        }

        /** The variable, environment reference ({@code env:NAME}) or built-in name, without arguments. */
        public String name() {
            int paren = expression.indexOf('(');
            return (paren < 0 ? expression : expression.substring(0, paren)).strip();
        }

        /** The arguments of a built-in call ({@code __randomInt(1,100)} gives {@code ["1", "100"]}), trimmed. */
        public List<String> args() {
            int open = expression.indexOf('(');
            int close = expression.lastIndexOf(')');
            if (open < 0 || close < open) {
                return List.of();
            }
            String inside = expression.substring(open + 1, close).strip();
            if (inside.isEmpty()) {
                return List.of();
            }
            return Arrays.stream(inside.split(",", -1)).map(String::strip).toList();
        }

        /** Whether this has the form of a call: {@code name(...)}. */
        public boolean isCall() {
            return expression.indexOf('(') >= 0;
        }

        public boolean isEnv() {
            return expression.startsWith(ENV_PREFIX);
        }

        /** The environment variable of {@code ${env:NAME}}. */
        public String envName() {
            return isEnv() ? expression.substring(ENV_PREFIX.length()).strip() : "";
        }

        public boolean isBuiltIn() {
            return name().startsWith("__");
        }
    }

    /** The references of {@code template} in order ({@code $$} skipped); an unclosed {@code ${} ends the list. */
    public static List<Reference> references(String template) {
        var result = new ArrayList<Reference>();
        if (template == null) {
            return result;
        }
        int i = 0;
        while (i < template.length() - 1) {
            char c = template.charAt(i);
            char next = template.charAt(i + 1);
            if (c == '$' && next == '$') {
                i += 2;
            } else if (c == '$' && next == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    return result;
                }
                result.add(new Reference(template.substring(i + 2, close), i, close + 1));
                i = close + 1;
            } else {
                i++;
            }
        }
        return result;
    }

    /** The index of the first {@code ${} that is never closed, or -1. */
    private static int unclosed(String template) {
        int i = 0;
        while (i < template.length() - 1) {
            char c = template.charAt(i);
            char next = template.charAt(i + 1);
            if (c == '$' && next == '$') {
                i += 2;
            } else if (c == '$' && next == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    return i;
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * What is wrong with the syntax of {@code template} (an unclosed {@code ${}, an empty {@code ${}}, a malformed
     * built-in call or environment name), or empty when nothing is. Whether names are known is not checked here.
     */
    public static Optional<String> syntaxError(String template) {
        if (template == null) {
            return Optional.empty();
        }
        var refs = references(template);
        int open = unclosed(template);
        if (open >= 0) {
            return Optional.of("'${' at character " + (open + 1) + " is never closed by '}'");
        }
        for (Reference ref : refs) {
            if (ref.name().isEmpty()) {
                return Optional.of("empty reference '${}': write ${name}");
            }
            if (ref.isEnv() && !ENV_NAME.matcher(ref.envName()).matches()) {
                return Optional.of("'${" + ref.expression() + "}': an environment reference is ${env:NAME}");
            }
            if (ref.isCall() && !ref.expression().strip().endsWith(")")) {
                return Optional.of("'${" + ref.expression() + "}': a call ends with ')'");
            }
            if (ref.isCall() && !ref.isBuiltIn()) {
                return Optional.of(
                        "'${" + ref.expression() + "}': only built-ins (names starting with __) take " + "arguments");
            }
            if (!ref.isEnv()
                    && !ref.isBuiltIn()
                    && !VARIABLE_NAME.matcher(ref.expression().strip()).matches()) {
                return Optional.of("'${" + ref.expression() + "}' is not a variable name (letters, digits, _, . and"
                        + " -, not starting with a digit)");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code template} with every reference replaced by {@code replacement}, and {@code $$} by {@code $}; used to
     * check the shape of a URL whose parts are templated.
     */
    public static String withPlaceholders(String template, String replacement) {
        var sb = new StringBuilder();
        int from = 0;
        for (Reference ref : references(template)) {
            sb.append(template.substring(from, ref.start()).replace("$$", "$")).append(replacement);
            from = ref.end();
        }
        sb.append(template.substring(from).replace("$$", "$"));
        return sb.toString();
    }
}
