package dev.throng.engine.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContextBuilder;

/** Turns {@link TlsOptions} into HttpClient's TLS strategy. Called once per engine. */
final class TlsSetup {
    private TlsSetup() {}

    /**
     * The TLS strategy for these options.
     *
     * @throws IllegalArgumentException naming the file when a key store cannot be read
     */
    static TlsSocketStrategy strategy(TlsOptions options) {
        SSLContextBuilder builder = SSLContextBuilder.create();
        try {
            if (options.trustAll()) {
                builder.loadTrustMaterial(null, TrustAllStrategy.INSTANCE);
            } else if (options.trustStore() != null) {
                builder.loadTrustMaterial(
                        load(options.trustStore(), options.trustStorePassword(), "trust store"), null);
            }
            if (options.clientCertificate() != null) {
                KeyStore keys =
                        load(options.clientCertificate(), options.clientCertificatePassword(), "client certificate");
                builder.loadKeyMaterial(keys, chars(options.clientCertificatePassword()));
            }
            SSLContext context = builder.build();
            HostnameVerifier names = options.verify() ? new DefaultHostnameVerifier() : NoopHostnameVerifier.INSTANCE;
            return new DefaultClientTlsStrategy(context, HostnameVerificationPolicy.CLIENT, names);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The TLS settings cannot be used: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The TLS " + what + " " + file + " does not exist or is not a file");
        }
        try {
            return KeyStore.getInstance(file.toFile(), chars(password));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "The TLS " + what + " " + file + " cannot be read (" + e.getMessage()
                            + "); check that it is a PKCS12 or JKS key store and that its password is right",
                    e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }
}
