package dev.throng.engine.http;

import java.nio.file.Path;

/**
 * How https connections check the server and present a client certificate.
 *
 * <p>Two independent switches: {@code trustAll} decides whether the server's certificate chain is checked,
 * {@code verify} whether the certificate must name the host that was asked for. An "insecure" mode for self-signed
 * test servers reached by any name sets {@code trustAll = true} and {@code verify = false}.
 *
 * @param verify check that the server certificate names the requested host (default {@code true})
 * @param trustStore a key store (PKCS12 or JKS) with the certificates to trust instead of the JDK's default
 *     authorities, or {@code null} for the defaults
 * @param trustStorePassword the trust store's password, already resolved from any secret reference; may be
 *     {@code null}
 * @param clientCertificate a PKCS12 key store with the client's private key and certificate chain, or {@code null}
 * @param clientCertificatePassword the password of the client key store and its key; may be {@code null}
 * @param trustAll accept any server certificate chain, even self-signed or expired; must be asked for explicitly
 */
public record TlsOptions(
        boolean verify,
        Path trustStore,
        String trustStorePassword,
        Path clientCertificate,
        String clientCertificatePassword,
        boolean trustAll) {

    private static final TlsOptions DEFAULTS = new TlsOptions(true, null, null, null, null, false);

    /** Verify everything against the JDK's default authorities; no client certificate. */
    public static TlsOptions defaults() {
        return DEFAULTS;
    }

    /** These options, trusting the certificates of {@code store} (instead of the default authorities). */
    public TlsOptions withTrustStore(Path store, String password) {
        return new TlsOptions(verify, store, password, clientCertificate, clientCertificatePassword, trustAll);
    }

    /** These options, presenting the client certificate of the PKCS12 key store {@code keyStore}. */
    public TlsOptions withClientCertificate(Path keyStore, String password) {
        return new TlsOptions(verify, trustStore, trustStorePassword, keyStore, password, trustAll);
    }

    /** These options with {@code trustAll} set as given. */
    public TlsOptions withTrustAll(boolean trustAllCertificates) {
        return new TlsOptions(
                verify,
                trustStore,
                trustStorePassword,
                clientCertificate,
                clientCertificatePassword,
                trustAllCertificates);
    }

    /** These options with {@code verify} (host name verification) set as given. */
    public TlsOptions withVerify(boolean verifyHostName) {
        return new TlsOptions(
                verifyHostName, trustStore, trustStorePassword, clientCertificate, clientCertificatePassword, trustAll);
    }
}
