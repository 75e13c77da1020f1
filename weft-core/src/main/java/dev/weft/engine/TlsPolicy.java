package dev.weft.engine;

import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLParameters;

/**
 * What every weft server offers in a TLS handshake: TLS 1.3 and 1.2 only, and for 1.2 only AEAD cipher suites with
 * forward secrecy, in Mozilla's "intermediate" order. The JDK's defaults also offer CBC suites without forward secrecy
 * or with SHA-1 MACs (AES128-SHA, AES256-SHA, AES128-SHA256, AES256-SHA384...), which that profile dropped. The
 * server's order wins, so a client that offers both gets the strongest suite.
 */
final class TlsPolicy {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Mozilla intermediate (version 5.7), TLS 1.3 first; the JDK spellings of its OpenSSL names. */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {
    }

    /** {@code parameters} (a new socket's or engine's) limited to the policy's protocols and suites, in its order. */
    static SSLParameters apply(SSLParameters parameters, String[] supportedSuites, String[] supportedProtocols) {
        Set<String> suites = Set.of(supportedSuites);
        Set<String> protocols = Set.of(supportedProtocols);
        parameters.setCipherSuites(CIPHER_SUITES.stream().filter(suites::contains).toArray(String[]::new));
        parameters.setProtocols(PROTOCOLS.stream().filter(protocols::contains).toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        return parameters;
    }
}
