package dev.weft.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Everything one server needs to start, built once from the command line or code.
 *
 * @param service       the name in the start-up line ("echo", "HTTP")
 * @param address       where to listen; port 0 picks a free port
 * @param model         the concurrency model
 * @param limits        connection, timeout and size limits
 * @param tls           when not null, every TCP connection is TLS with this context
 * @param overloadReply bytes written to a connection refused for {@link Limits#maxConnections()} (may be empty)
 * @param workerCommand how the {@link Model.Processes} supervisor starts a worker (null for other models)
 * @param worker        true inside a worker process: binds with SO_REUSEPORT and reports readiness on stdout
 * @param applicationProtocols the ALPN names a TLS connection may select, most preferred first ("http/1.1");
 *                      empty to ignore ALPN
 */
public record ServerConfig(String service, InetSocketAddress address, Model model, Limits limits, SSLContext tls,
                           byte[] overloadReply, WorkerCommand workerCommand, boolean worker,
                           List<String> applicationProtocols) {

    public ServerConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(limits, "limits");
        overloadReply = overloadReply == null ? new byte[0] : overloadReply.clone();
        applicationProtocols = applicationProtocols == null ? List.of() : List.copyOf(applicationProtocols);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve bind address " + address.getHostString());
        }
    }

    public static Builder builder(String service) {
        return new Builder(service);
    }

    /** A copy of this configuration with another model, for example the one a worker runs. */
    public ServerConfig withModel(Model other) {
        return new ServerConfig(service, address, other, limits, tls, overloadReply, workerCommand, worker,
                applicationProtocols);
    }

    /** A copy of this configuration whose TLS connections select one of {@code protocols} by ALPN. */
    public ServerConfig withApplicationProtocols(List<String> protocols) {
        return new ServerConfig(service, address, model, limits, tls, overloadReply, workerCommand, worker, protocols);
    }

    /** A copy of this configuration that answers connections refused for the connection limit with {@code reply}. */
    public ServerConfig withOverloadReply(byte[] reply) {
        return new ServerConfig(service, address, model, limits, tls, reply, workerCommand, worker, applicationProtocols);
    }

    /**
     * A server-side socket's or engine's parameters under weft's TLS policy ({@link TlsPolicy}), with this
     * configuration's ALPN names.
     */
    SSLParameters tlsParameters(SSLParameters defaults, String[] supportedSuites, String[] supportedProtocols) {
        SSLParameters parameters = TlsPolicy.apply(defaults, supportedSuites, supportedProtocols);
        if (!applicationProtocols.isEmpty()) {
            parameters.setApplicationProtocols(applicationProtocols.toArray(String[]::new));
        }
        return parameters;
    }

    ServerConfig withPort(int port) {
        return new ServerConfig(service, new InetSocketAddress(address.getAddress(), port), model, limits, tls,
                overloadReply, workerCommand, worker, applicationProtocols);
    }

    /** Builds a {@link ServerConfig}; everything but the service name has a default. */
    public static final class Builder {
        private final String service;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private Model model = Model.DEFAULT;
        private Limits limits = Limits.DEFAULT;
        private SSLContext tls;
        private byte[] overloadReply = new byte[0];
        private WorkerCommand workerCommand;
        private boolean worker;
        private List<String> applicationProtocols = List.of();

        private Builder(String service) {
            this.service = service;
        }

        public Builder address(InetSocketAddress address) {
            this.address = address;
            return this;
        }

        /** Binds {@code host} (a name or literal, "::" or "0.0.0.0" for all) and {@code port}. */
        public Builder bind(String host, int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
            try {
                this.address = new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve bind address '" + host + "'", e);
            }
            return this;
        }

        public Builder port(int port) {
            return bind(address.getAddress().getHostAddress(), port);
        }

        public Builder model(Model model) {
            this.model = model;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        public Builder tls(SSLContext tls) {
            this.tls = tls;
            return this;
        }

        public Builder overloadReply(byte[] reply) {
            this.overloadReply = reply;
            return this;
        }

        public Builder workerCommand(WorkerCommand command) {
            this.workerCommand = command;
            return this;
        }

        public Builder worker(boolean worker) {
            this.worker = worker;
            return this;
        }

        /** The ALPN names a TLS connection may select, most preferred first. */
        public Builder applicationProtocols(String... protocols) {
            this.applicationProtocols = List.of(protocols);
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(service, address, model, limits, tls, overloadReply, workerCommand, worker,
                    applicationProtocols);
        }
    }
}
