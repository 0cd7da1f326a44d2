package dev.throng.engine.stats;

/**
 * Where the time of a row's requests went: opening connections, TLS handshakes and waiting for the first byte. Each
 * summary covers only the requests where that phase applied (a request on a kept-alive connection has no connect or
 * TLS phase). Percentiles in milliseconds, from merged histograms.
 *
 * @param connects how many requests opened a new connection
 * @param connect time to open the connection (TCP), ms
 * @param tlsHandshakes how many requests did a TLS handshake
 * @param tls time of the TLS handshake, ms
 * @param firstBytes how many requests reported a time to first byte
 * @param firstByte time from sending the request to the first byte of the response, ms
 */
public record PhaseStats(
        long connects,
        LatencySummary connect,
        long tlsHandshakes,
        LatencySummary tls,
        long firstBytes,
        LatencySummary firstByte) {

    /** No phase timings recorded. */
    public static final PhaseStats EMPTY =
            new PhaseStats(0, LatencySummary.EMPTY, 0, LatencySummary.EMPTY, 0, LatencySummary.EMPTY);
}
