package dev.throng.engine.http;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's connection operator with hooks that time the TCP connect and the TLS handshake into the calling
 * session's {@link ExchangeContext}. Thread-safe (stateless; the state is in the per-session context).
 */
final class TimingConnectionOperator extends DefaultHttpClientConnectionOperator {

    TimingConnectionOperator(DetachedSocketFactory socketFactory, TlsSocketStrategy tls) {
        super(
                socketFactory,
                DefaultSchemePortResolver.INSTANCE,
                SystemDefaultDnsResolver.INSTANCE,
                RegistryBuilder.<TlsSocketStrategy>create()
                        .register("https", tls)
                        .build());
    }

    @Override
    protected void onBeforeSocketConnect(HttpContext context, HttpHost host) {
        if (context instanceof ExchangeContext exchange) {
            exchange.connectStarting();
        }
    }

    @Override
    protected void onAfterSocketConnect(HttpContext context, HttpHost host) {
        if (context instanceof ExchangeContext exchange) {
            exchange.connected();
        }
    }

    @Override
    protected void onBeforeTlsHandshake(HttpContext context, HttpHost host) {
        if (context instanceof ExchangeContext exchange) {
            exchange.handshakeStarting();
        }
    }

    @Override
    protected void onAfterTlsHandshake(HttpContext context, HttpHost host) {
        if (context instanceof ExchangeContext exchange) {
            exchange.handshakeDone();
        }
    }
}
