package dev.throng.engine.user;

import dev.throng.engine.project.Templates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled text template: literal text with {@code ${...}} references. A reference is a variable
 * ({@code ${name}}), a secret from the environment ({@code ${env:NAME}}) or a built-in: {@code ${__uuid}} (a random
 * UUID), {@code ${__randomInt(a,b)}} (a whole number in {@code [a, b]}), {@code ${__now}} (ms since the epoch),
 * {@code ${__counter}} (1, 2, 3, ... across the run), {@code ${__userIndex}} and {@code ${__agentIndex}} (from 0).
 * {@code $$} writes one {@code $}. Immutable; thread-safe.
 */
public final class Template {
    /** The built-in names: those validation knows ({@link Templates.BuiltIn}). */
    public static final List<String> BUILT_INS = Templates.BuiltIn.names();

    private static final Pattern RANDOM_INT = Pattern.compile("__randomInt\\(\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");
    private static final Pattern NAME = Templates.VARIABLE_NAME;

    private sealed interface Part {}

    private record Literal(String text) implements Part {}

    private record Var(String name) implements Part {}

    private record Env(String name) implements Part {}

    private record Uuid() implements Part {}

    private record RandomInt(long min, long max) implements Part {}

    private record Now() implements Part {}

    private record Counter() implements Part {}

    private record UserIndex() implements Part {}

    private record AgentIndex() implements Part {}

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Compiles {@code text}.
     *
     * @throws TemplateException for an unclosed {@code ${}, an empty or unknown reference, or a bad
     *     {@code __randomInt}
     */
    public static Template compile(String text) {
        var parts = new ArrayList<Part>();
        var literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                literal.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new TemplateException("'" + text + "': '${' at character " + (i + 1) + " is never closed");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(reference(text, text.substring(i + 2, end).strip()));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Template(text, parts);
    }

    private static Part reference(String text, String ref) {
        if (ref.isEmpty()) {
            throw new TemplateException("'" + text + "': empty reference ${}");
        }
        if (ref.startsWith("env:")) {
            String name = ref.substring(4).strip();
            if (name.isEmpty()) {
                throw new TemplateException("'" + text + "': ${env:} needs the name of an environment variable");
            }
            return new Env(name);
        }
        if (ref.startsWith("__")) {
            Matcher m = RANDOM_INT.matcher(ref);
            if (m.matches()) {
                long a = Long.parseLong(m.group(1));
                long b = Long.parseLong(m.group(2));
                if (a > b) {
                    throw new TemplateException("'" + text + "': ${" + ref + "} needs the smaller bound first");
                }
                return new RandomInt(a, b);
            }
            return switch (ref) {
                case "__uuid" -> new Uuid();
                case "__now" -> new Now();
                case "__counter" -> new Counter();
                case "__userIndex" -> new UserIndex();
                case "__agentIndex" -> new AgentIndex();
                default ->
                    throw new TemplateException("'" + text + "': unknown built-in ${" + ref
                            + "} (known: __uuid, __randomInt(a,b), __now, __counter, __userIndex, __agentIndex)");
            };
        }
        if (!NAME.matcher(ref).matches()) {
            throw new TemplateException("'" + text + "': '${" + ref + "}' is not a variable name");
        }
        return new Var(ref);
    }

    /** Whether the template has no references (rendering returns the text as is). */
    public boolean isConstant() {
        return parts.stream().allMatch(p -> p instanceof Literal);
    }

    /** The names {@code NAME} of the {@code ${env:NAME}} references. */
    public Set<String> environmentNames() {
        var names = new LinkedHashSet<String>();
        for (Part p : parts) {
            if (p instanceof Env e) {
                names.add(e.name());
            }
        }
        return names;
    }

    /** The names of the variables referenced. */
    public Set<String> variableNames() {
        var names = new LinkedHashSet<String>();
        for (Part p : parts) {
            if (p instanceof Var v) {
                names.add(v.name());
            }
        }
        return names;
    }

    /**
     * Renders the template.
     *
     * @throws TemplateException when a variable or environment variable is not set (never renders it empty)
     */
    public String render(TemplateContext context) {
        if (parts.size() == 1 && parts.getFirst() instanceof Literal l) {
            return l.text();
        }
        var sb = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Literal l -> sb.append(l.text());
                case Var v -> {
                    String value = context.variable(v.name());
                    if (value == null) {
                        throw new TemplateException("variable '" + v.name() + "' is not set");
                    }
                    sb.append(value);
                }
                case Env e -> {
                    String value = context.environment(e.name());
                    if (value == null) {
                        throw new TemplateException("environment variable '" + e.name() + "' is not set");
                    }
                    sb.append(value);
                }
                case Uuid _ -> {
                    var r = context.random();
                    sb.append(new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & ~(3L << 62)) | (2L << 62)));
                }
                case RandomInt ri ->
                    sb.append(ri.min() == ri.max() ? ri.min() : context.random().nextLong(ri.min(), ri.max() + 1));
                case Now _ -> sb.append(context.nowMillis());
                case Counter _ -> sb.append(context.nextCounter());
                case UserIndex _ -> sb.append(context.userIndex());
                case AgentIndex _ -> sb.append(context.agentIndex());
            }
        }
        return sb.toString();
    }

    /** The text the template was compiled from. */
    @Override
    public String toString() {
        return source;
    }
}
