package dev.throng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormTest {
    @Test
    void decodesFieldsAndKeepsTheFirstOfARepeatedName() {
        assertThat(Form.parse("username=user0001&password=p%26ss+word&flag&&id=1&id=2"))
                .isEqualTo(Map.of("username", "user0001", "password", "p&ss word", "flag", "", "id", "1"));
    }

    @Test
    void emptyOrMissingTextHasNoFields() {
        assertThat(Form.parse(null)).isEmpty();
        assertThat(Form.parse("")).isEmpty();
        assertThat(Form.parse("&")).isEmpty();
    }

    @Test
    void malformedEscapesAreBadRequests() {
        assertThatThrownBy(() -> Form.parse("a=%zz"))
                .isInstanceOf(BadRequest.class)
                .hasMessageContaining("%zz");
    }
}
