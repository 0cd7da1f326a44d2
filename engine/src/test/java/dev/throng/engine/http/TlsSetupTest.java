package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSetupTest {
    @TempDir
    Path dir;

    @Test
    void aMissingTrustStoreIsNamed() {
        Path missing = dir.resolve("nowhere.p12");
        TlsOptions tls = TlsOptions.defaults().withTrustStore(missing, "x");

        assertThatThrownBy(() -> HttpEngine.create(HttpOptions.defaults().withTls(tls), Clock.system()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trust store")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void anUnreadableClientCertificateIsNamedWithAHint() throws IOException {
        Path junk = Files.writeString(dir.resolve("client.p12"), "not a key store");
        TlsOptions tls = TlsOptions.defaults().withClientCertificate(junk, "secret");

        assertThatThrownBy(() -> TlsSetup.strategy(tls))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client certificate")
                .hasMessageContaining(junk.toString())
                .hasMessageContaining("password");
    }
}
