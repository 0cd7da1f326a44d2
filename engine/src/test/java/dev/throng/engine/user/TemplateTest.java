package dev.throng.engine.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TemplateTest {

    /** A context over fixed maps. */
    record Ctx(Map<String, String> vars, Map<String, String> env, AtomicLong counter, RandomGenerator random)
            implements TemplateContext {
        Ctx(Map<String, String> vars, Map<String, String> env) {
            this(vars, env, new AtomicLong(), new SplittableRandom(7));
        }

        @Override
        public String variable(String name) {
            return vars.get(name);
        }

        @Override
        public String environment(String name) {
            return env.get(name);
        }

        @Override
        public long userIndex() {
            return 41;
        }

        @Override
        public int agentIndex() {
            return 3;
        }

        @Override
        public long nextCounter() {
            return counter.incrementAndGet();
        }

        @Override
        public long nowMillis() {
            return 1_700_000_000_000L;
        }
    }

    @Test
    void rendersVariablesEnvironmentAndBuiltIns() {
        var ctx = new Ctx(Map.of("id", "42", "user", "u1"), Map.of("TOKEN", "s3cret"));
        assertThat(Template.compile("/product/${id}?u=${ user }").render(ctx)).isEqualTo("/product/42?u=u1");
        assertThat(Template.compile("Bearer ${env:TOKEN}").render(ctx)).isEqualTo("Bearer s3cret");
        assertThat(Template.compile("${__userIndex}/${__agentIndex}/${__now}").render(ctx))
                .isEqualTo("41/3/1700000000000");
        var counter = Template.compile("${__counter}");
        assertThat(counter.render(ctx)).isEqualTo("1");
        assertThat(counter.render(ctx)).isEqualTo("2");
        assertThat(Template.compile("$${id} costs $$5").render(ctx)).isEqualTo("${id} costs $5");
        assertThat(Template.compile("plain").isConstant()).isTrue();
    }

    @Test
    void builtInRandomsStayInRange() {
        var ctx = new Ctx(Map.of(), Map.of());
        var t = Template.compile("${__randomInt(3, 5)}");
        for (int i = 0; i < 200; i++) {
            assertThat(Integer.parseInt(t.render(ctx))).isBetween(3, 5);
        }
        String uuid = Template.compile("${__uuid}").render(ctx);
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(Template.compile("${__uuid}").render(ctx)).isNotEqualTo(uuid);
    }

    @Test
    void unsetValuesFailInsteadOfRenderingEmpty() {
        var ctx = new Ctx(Map.of(), Map.of());
        assertThatThrownBy(() -> Template.compile("${missing}").render(ctx))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("variable 'missing' is not set");
        assertThatThrownBy(() -> Template.compile("${env:API_KEY}").render(ctx))
                .hasMessageContaining("environment variable 'API_KEY' is not set");
    }

    @Test
    void badTemplatesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Template.compile("/a/${id")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> Template.compile("${__nope}")).hasMessageContaining("unknown built-in");
        assertThatThrownBy(() -> Template.compile("${__randomInt(5,1)}")).hasMessageContaining("smaller bound");
        assertThatThrownBy(() -> Template.compile("${}")).hasMessageContaining("empty");
        assertThat(Template.compile("${env:A} ${b} ${env:C}").environmentNames())
                .containsExactly("A", "C");
        assertThat(Template.compile("${env:A} ${b}").variableNames()).containsExactly("b");
    }
}
