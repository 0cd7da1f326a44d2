package dev.throng.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void indentsObjectsAndArraysButNotStrings() {
        assertThat(JsonText.pretty("{\"a\":[1,2],\"b\":\"x, {y}\",\"c\":{}}"))
                .isEqualTo("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": \"x, {y}\",\n  \"c\": {}\n}");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(JsonText.pretty("<html>")).isEqualTo("<html>");
    }
}
