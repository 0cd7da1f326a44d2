package dev.throng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsTest {
    @Test
    void acceptsExactlyTheTestAccounts() {
        assertThat(Accounts.valid("user0001", "pass0001")).isTrue();
        assertThat(Accounts.valid("user9999", "pass9999")).isTrue();
        assertThat(Accounts.valid("user0000", "pass0000")).isFalse();
        assertThat(Accounts.valid("user0001", "pass0002")).isFalse();
        assertThat(Accounts.valid("user001", "pass001")).isFalse();
        assertThat(Accounts.valid("user00001", "pass00001")).isFalse();
        assertThat(Accounts.valid("User0001", "pass0001")).isFalse();
        assertThat(Accounts.valid("user00a1", "pass00a1")).isFalse();
        assertThat(Accounts.valid("user0001", null)).isFalse();
        assertThat(Accounts.valid(null, "pass0001")).isFalse();
    }

    @Test
    void everyRowOfTheSampleAccountsFileLogsIn() throws IOException {
        Path csv = Path.of("..", "data", "accounts.csv");
        List<String> lines = Files.readAllLines(csv);

        assertThat(lines).hasSize(10_000).first().isEqualTo("username,password");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            assertThat(Accounts.valid(fields[0], fields[1])).as(line).isTrue();
        }
    }
}
