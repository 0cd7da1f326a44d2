package dev.throng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoShopMainTest {
    @Test
    void defaultsToLoopbackPort8080() {
        DemoShop.Options options = DemoShopMain.parse(new String[0]);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.httpsPort()).isEqualTo(-1);
    }

    @Test
    void readsEveryOption() {
        DemoShop.Options options = DemoShopMain.parse(new String[] {
            "--host", "localhost", "--port", "0", "--products", "7", "--capacity-slots", "2", "--capacity-ms", "50"
        });
        assertThat(options).isEqualTo(new DemoShop.Options("localhost", 0, -1, null, 2, 50, 7));
        assertThat(DemoShopMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void badArgumentsNameTheFlag() {
        assertThatThrownBy(() -> DemoShopMain.parse(new String[] {"--port"})).hasMessage("--port needs a value");
        assertThatThrownBy(() -> DemoShopMain.parse(new String[] {"--port", "x"}))
                .hasMessage("--port needs a whole number, not 'x'");
        assertThatThrownBy(() -> DemoShopMain.parse(new String[] {"--colour", "red"}))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> DemoShopMain.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("70000");
    }

    @Test
    void badArgumentsExitWith2AndPrintUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DemoShopMain(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--port", "-5"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("-5", "Usage: demo-shop");
    }

    @Test
    void optionsRefuseHttpsWithoutContext() {
        assertThatThrownBy(() -> DemoShop.Options.defaults().withHttps(0, null)).hasMessageContaining("SSLContext");
        assertThatThrownBy(() -> DemoShop.Options.defaults().withCapacity(0, 20))
                .hasMessageContaining("slots");
    }
}
