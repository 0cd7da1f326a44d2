package dev.throng.engine.user.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static final String DOC = """
            {"a": {"b": [{"c": "first"}, {"c": 2.50}]},
             "items": [{"id": 7, "ok": true}, {"id": 8, "ok": false}, {"id": null}],
             "name with space": "x\\u0041\\n", "empty": {}}
            """;

    private static List<String> select(String path) {
        return JsonPath.compile(path).select(Json.parse(DOC)).stream()
                .map(Json::text)
                .toList();
    }

    @Test
    void selectsNamesIndexesAndWildcards() {
        assertThat(select("$.a.b[0].c")).containsExactly("first");
        assertThat(select("$.a.b[1].c")).containsExactly("2.50");
        assertThat(select("$.a.b[-1].c")).containsExactly("2.50");
        assertThat(select("$.items[*].id")).containsExactly("7", "8", "null");
        assertThat(select("$.items[0]")).containsExactly("{\"id\":7,\"ok\":true}");
        assertThat(select("$['name with space']")).containsExactly("xA\n");
        assertThat(select("$.missing")).isEmpty();
        assertThat(select("$.a.b[5]")).isEmpty();
        assertThat(select("$.empty")).containsExactly("{}");
        assertThat(JsonPath.compile("$.items[*].id").isWildcard()).isTrue();
        assertThat(JsonPath.compile("$.a.b[0]").isWildcard()).isFalse();
    }

    @Test
    void topLevelArrays() {
        var doc = Json.parse("[1, \"two\", [3]]");
        assertThat(JsonPath.compile("$[*]").select(doc)).hasSize(3);
        assertThat(JsonPath.compile("$[2][0]").select(doc).getFirst()).isEqualTo(new Json.Num("3"));
        assertThat(JsonPath.compile("$").select(doc)).hasSize(1);
    }

    @Test
    void refusesWhatItDoesNotSupport() {
        assertThatThrownBy(() -> JsonPath.compile("a.b")).hasMessageContaining("must start with $");
        assertThatThrownBy(() -> JsonPath.compile("$..id")).hasMessageContaining("deep scan");
        assertThatThrownBy(() -> JsonPath.compile("$.a[?(@.x)]")).hasMessageContaining("not an index");
    }

    @Test
    void readsJsonAndReportsWhereItBreaks() {
        assertThat(Json.parse(" {\"k\": [true, false, null, -1.5e3]} "))
                .isEqualTo(Map.of("k", List.of(true, false, Json.NULL, new Json.Num("-1.5e3"))));
        assertThatThrownBy(() -> Json.parse("{\"k\": }"))
                .isInstanceOf(Json.JsonException.class)
                .hasMessageContaining("character 7");
        assertThatThrownBy(() -> Json.parse("<html>")).hasMessageContaining("not valid JSON");
    }
}
