package dev.weft.services.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;
import dev.weft.tls.Tls;

/**
 * What a weft server accepts in a TLS handshake, under every model: TLS 1.3, and for TLS 1.2 only AEAD suites with
 * forward secrecy (Mozilla's "intermediate" profile). The JDK's defaults also accepted CBC suites (issue 19).
 */
class TlsCipherSuitesTest {

    private static final Tls IDENTITY = Tls.selfSigned();

    @TempDir
    static Path dir;
    /** One server per model for the class: a TLS worker process takes seconds to start on a shared 2-core machine. */
    private static final Map<String, TcpServer> SERVERS = new HashMap<>();

    static Stream<Model> models() {
        return Model.all().stream();
    }

    private static synchronized TcpServer server(Model model) throws IOException {
        TcpServer server = SERVERS.get(model.spec());
        if (server == null) {
            server = TcpServer.start(EchoServers.tlsConfig(model, IDENTITY, dir.resolve(model.spec().replace(':', '-'))), Echo.tcp());
            SERVERS.put(model.spec(), server);
        }
        return server;
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(TcpServer::close);
    }

    @ParameterizedTest
    @MethodSource("models")
    void ofEveryTls12SuiteTheClientKnowsOnlyAeadWithForwardSecrecyIsAccepted(Model model) throws Exception {
        SSLContext client = IDENTITY.trustingClientContext();
        TcpServer server = server(model);
        List<String> accepted = new ArrayList<>();
        for (String suite : client.getSupportedSSLParameters().getCipherSuites()) {
            if (!suite.startsWith("TLS_AES_") && !suite.startsWith("TLS_CHACHA20_") && !suite.contains("SCSV")
                    && handshakes(client, server.port(), "TLSv1.2", suite)) {
                accepted.add(suite);
            }
        }

        assertThat(accepted).isNotEmpty().allSatisfy(suite -> {
            assertThat(suite).matches("TLS_(EC)?DHE_(ECDSA|RSA)_WITH_.*");
            assertThat(suite).matches(".*_(GCM_SHA256|GCM_SHA384|CHACHA20_POLY1305_SHA256)");
        });
        assertThat(accepted).contains("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    }

    @ParameterizedTest
    @MethodSource("models")
    void aClientOfferingOnlyCbcSuitesIsRefusedAndOneOfferingTls13IsServed(Model model) throws Exception {
        SSLContext client = IDENTITY.trustingClientContext();
        TcpServer server = server(model);
        assertThat(handshakes(client, server.port(), "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA")).isFalse();

        try (SSLSocket socket = connect(client, server.port())) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    /** Whether a handshake offering only {@code suites} over {@code protocol} completes. */
    private static boolean handshakes(SSLContext client, int port, String protocol, String... suites) throws IOException {
        try (SSLSocket socket = connect(client, port)) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(suites);
            socket.startHandshake();
            return true;
        } catch (SSLException e) {
            return false;
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the client cannot offer " + Arrays.toString(suites), e);
        }
    }

    private static SSLSocket connect(SSLContext client, int port) throws IOException {
        Socket plain = new Socket("127.0.0.1", port);
        plain.setSoTimeout(10_000);
        return (SSLSocket) client.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
    }
}
