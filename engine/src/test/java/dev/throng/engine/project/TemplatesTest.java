package dev.throng.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void findsVariablesEnvironmentReferencesAndBuiltIns() {
        var refs = Templates.references("/p/${id}?t=${env:TOKEN}&n=${__randomInt(1, 100)}");
        assertThat(refs).extracting(Templates.Reference::name).containsExactly("id", "env:TOKEN", "__randomInt");
        assertThat(refs.get(1).isEnv()).isTrue();
        assertThat(refs.get(1).envName()).isEqualTo("TOKEN");
        assertThat(refs.get(2).isBuiltIn()).isTrue();
        assertThat(refs.get(2).args()).containsExactly("1", "100");
        assertThat(refs.getFirst().start()).isEqualTo(3);
        assertThat(refs.getFirst().end()).isEqualTo(8);
    }

    @Test
    void doubleDollarIsALiteralDollar() {
        assertThat(Templates.references("cost $$5 and $${x} but $$${y}"))
                .extracting(Templates.Reference::name)
                .containsExactly("y");
        assertThat(Templates.withPlaceholders("a$${x}b${y}", "Z")).isEqualTo("a${x}bZ");
    }

    @Test
    void syntaxErrorsAreNamed() {
        assertThat(Templates.syntaxError("/p/${id"))
                .hasValueSatisfying(m -> assertThat(m).contains("never closed"));
        assertThat(Templates.syntaxError("${}"))
                .hasValueSatisfying(m -> assertThat(m).contains("empty"));
        assertThat(Templates.syntaxError("${env:}")).isPresent();
        assertThat(Templates.syntaxError("${f(1)}"))
                .hasValueSatisfying(m -> assertThat(m).contains("only built-ins"));
        assertThat(Templates.syntaxError("${a b}"))
                .hasValueSatisfying(m -> assertThat(m).contains("not a variable"));
        assertThat(Templates.syntaxError("${__randomInt(1,2}")).isPresent();
        assertThat(Templates.syntaxError("ok ${a.b-c_1} $$")).isEmpty();
    }

    @Test
    void theBuiltInsAreListedInOnePlace() {
        assertThat(Templates.BuiltIn.names())
                .containsExactly("__uuid", "__randomInt", "__now", "__counter", "__userIndex", "__agentIndex");
        assertThat(Templates.BuiltIn.named("__randomInt").orElseThrow().minArgs())
                .isEqualTo(2);
        assertThat(Templates.BuiltIn.named("__nope")).isEmpty();
    }
}
