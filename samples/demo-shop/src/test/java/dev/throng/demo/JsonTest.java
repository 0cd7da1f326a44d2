package dev.throng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void quotesSpecialCharacters() {
        assertThat(Json.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void readsAFlatObject() {
        Map<String, String> members = Json.parseFlatObject(
                " { \"username\" : \"us\\u0065r\\n\", \"n\": -1.5e3, \"ok\": true, \"none\": null, \"s\": \"a\\/b\" } ");

        assertThat(members)
                .containsExactly(
                        Map.entry("username", "user\n"),
                        Map.entry("n", "-1.5e3"),
                        Map.entry("ok", "true"),
                        Map.entry("s", "a/b"));
        assertThat(Json.parseFlatObject("{}")).isEmpty();
    }

    @Test
    void quotedTextReadsBack() {
        String text = "quote \" backslash \\ tab \t end";
        assertThat(Json.parseFlatObject("{\"k\":" + Json.quote(text) + "}")).containsEntry("k", text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{",
                "{\"a\"}",
                "{\"a\":}",
                "{\"a\":1,}",
                "{\"a\":{\"b\":1}}",
                "{\"a\":[1]}",
                "{\"a\":tru}",
                "{\"a\":01}",
                "{\"a\":\"x\"} extra",
                "{\"a\":\"\\q\"}",
                "{\"a\":\"\\u12\"}"
            })
    void refusesWhatIsNotAFlatObject(String text) {
        assertThatThrownBy(() -> Json.parseFlatObject(text))
                .isInstanceOf(BadRequest.class)
                .hasMessageStartingWith("the body is not a flat JSON object: ");
    }
}
