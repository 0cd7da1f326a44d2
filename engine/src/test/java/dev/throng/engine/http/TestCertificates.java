package dev.throng.engine.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed key pairs made with the JDK's keytool, and the key and trust stores built from them. */
final class TestCertificates {
    static final String PASSWORD = "changeit";

    private TestCertificates() {}

    /** Makes a PKCS12 key store {@code name}.p12 in {@code dir} with one EC key pair for {@code san}. */
    static Path keyPair(Path dir, String name, String san) throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        name,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + name,
                        "-ext",
                        "SAN=" + san,
                        "-validity",
                        "2",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return store;
    }

    static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        return KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
    }

    /** Writes a PKCS12 trust store holding the certificates of the given key stores. */
    static Path trustStore(Path file, Path... keyStores) throws IOException, GeneralSecurityException {
        KeyStore trust = trustOf(keyStores);
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static KeyStore trustOf(Path... keyStores) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (Path p : keyStores) {
            KeyStore ks = load(p);
            String alias = ks.aliases().nextElement();
            Certificate cert = ks.getCertificate(alias);
            trust.setCertificateEntry(alias, cert);
        }
        return trust;
    }

    /** A server TLS context presenting {@code keyStore}'s key; trusts the given client key stores' certificates. */
    static SSLContext serverContext(Path keyStore, Path... trustedClients)
            throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keyStore), PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustOf(trustedClients));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), trustedClients.length == 0 ? null : tmf.getTrustManagers(), null);
        return context;
    }
}
