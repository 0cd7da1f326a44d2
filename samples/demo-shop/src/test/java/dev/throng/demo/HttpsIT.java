package dev.throng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The https listener with a self-signed certificate made by keytool in a temporary directory, and the session shared
 * by both listeners.
 */
class HttpsIT {
    private static final char[] PASSWORD = "demo-shop-test".toCharArray();

    @TempDir
    static Path keys;

    private static DemoShop shop;
    private static SSLContext clientContext;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = keys.resolve("demo-shop.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "demo-shop",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-validity",
                        "2",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        new String(PASSWORD),
                        "-keypass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(store);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);

        shop = DemoShop.start(DemoShop.Options.defaults().withHttps(0, serverContext));
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void bothListenersServeTheSameShop() throws Exception {
        assertThat(shop.httpsUri().getScheme()).isEqualTo("https");
        assertThat(shop.httpsUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(shop.httpsUri().getPort()).isNotEqualTo(shop.port());

        ShopClient secure = new ShopClient(shop.httpsUri(), clientContext);
        assertThat(secure.get("/product/2").body()).isEqualTo(Catalog.product(2).json());
    }

    @Test
    void sessionCookieFromHttpsIsAcceptedOverHttp() throws Exception {
        ShopClient secure = new ShopClient(shop.httpsUri(), clientContext);
        ShopClient plain = new ShopClient(shop.baseUri());
        long before = shop.counters().count("POST /login");

        var login = secure.postForm("/login", "username=user0777&password=pass0777");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContainIgnoringCase("secure");
        String cookie = ShopClient.cookieOf(login);

        assertThat(plain.postForm("/cart/add", "id=4", "Cookie", cookie).statusCode())
                .isEqualTo(200);
        assertThat(secure.get("/cart", "Cookie", cookie).body()).contains("\"user\":\"user0777\"", "\"count\":1");
        assertThat(plain.get("/account", "Cookie", cookie).body()).contains("\"user\":\"user0777\"");
        assertThat(shop.counters().count("POST /login")).isEqualTo(before + 1);
    }
}
