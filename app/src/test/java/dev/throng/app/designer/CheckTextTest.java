package dev.throng.app.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.project.Check;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTextTest {
    @Test
    void everyKindRoundTrips() {
        var checks = List.<Check>of(
                new Check.Status(List.of(200, 201)),
                new Check.BodyContains("Blue Mug"),
                new Check.BodyMatches("id\":\\d+"),
                new Check.JsonValue("$.count", "100"),
                new Check.MaxDuration(Duration.ofMillis(500)));
        String text = CheckText.format(checks);
        assertThat(text).startsWith("status 200 201\ncontains Blue Mug");
        assertThat(CheckText.parse(text)).isEqualTo(checks);
    }

    @Test
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> CheckText.parse("status 200\nstatus abc"))
                .hasMessageContaining("check line 2 'status abc'");
        assertThatThrownBy(() -> CheckText.parse("smells ok")).hasMessageContaining("line 1");
    }
}
